import { createHash } from 'node:crypto';

/**
 * Runs inline right after the server's copy of the page, before the bundle has loaded:
 * - a returning respondent (progress stored on this device under the root's `data-key`) may be on
 *   another page, in another language or already finished: the copy is hidden, and the bundle
 *   shows where they really are, rather than a wrong page flashing by;
 * - a Next pressed before the bundle runs does not reload the page; the root remembers it in
 *   `data-next`, and the bundle presses Next for the respondent when it takes over.
 * Without JavaScript none of this runs, and the first page simply stays readable.
 */
export const BOOT_SCRIPT =
  "(function(){var r=document.getElementById('root'),k=r.getAttribute('data-key');" +
  "try{if(k&&localStorage.getItem(k))r.className='wait'}catch(e){}" +
  "r.addEventListener('submit',function(e){e.preventDefault();r.setAttribute('data-next','')})})()";

/** The page's Content-Security-Policy allows this one inline script by its hash. */
export const BOOT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;
