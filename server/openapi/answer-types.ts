/**
 * JSON Schemas of the routes' answers, read from the TypeScript types the contract gives them
 * (`json<SurveyDetail>(…)`), so the document describes every answer field by field without a
 * second, hand-kept schema. Development only: it needs the TypeScript compiler, so its output is
 * committed (answer-schemas.json) and a test fails when that file is stale.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../paths';

type Json = Record<string, unknown>;
export interface AnswerSchemas {
  /** Named types, referred to as `#/components/schemas/<name>`. */
  schemas: Record<string, Json>;
  /** Each JSON-answering route's body, by its contract key. */
  answers: Record<string, Json>;
}

const CONTRACT = join(ROOT, 'shared/api/contract/index.ts');
export const ANSWER_SCHEMAS_FILE = join(ROOT, 'server/openapi/answer-schemas.json');

export function answerSchemas(): AnswerSchemas {
  const program = ts.createProgram([CONTRACT], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(CONTRACT)!;
  const routesSymbol = checker.getSymbolsInScope(source, ts.SymbolFlags.Variable).find((s) => s.name === 'API_ROUTES');
  if (!routesSymbol) throw new Error('API_ROUTES not found in the contract');
  const routesType = checker.getTypeOfSymbolAtLocation(routesSymbol, source);

  const schemas: Record<string, Json> = {};
  const namedBy = new Map<ts.Type, string>();

  const nameOf = (type: ts.Type): string | null => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return null;
    const name = symbol.getName();
    if (name.startsWith('__') || name === 'Array' || name === 'Record' || name === 'Object') return null;
    if (type.aliasSymbol && type.aliasTypeArguments?.length) return null;
    // Only our own types get names: those declared in the project's shared code.
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
    return file.includes('/shared/') ? name : null;
  };

  const convert = (type: ts.Type, depth: number): Json => {
    if (depth > 40) throw new Error(`a type nests deeper than 40: ${checker.typeToString(type)}`);
    const flags = type.getFlags();
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
    if (flags & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
    if (flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (flags & ts.TypeFlags.String || flags & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.getFlags() & ts.TypeFlags.Undefined));
      const trueAndFalse = parts.filter((t) => t.getFlags() & ts.TypeFlags.BooleanLiteral).length === 2;
      const rest = trueAndFalse ? parts.filter((t) => !(t.getFlags() & ts.TypeFlags.BooleanLiteral)) : parts;
      const options = [...(trueAndFalse ? [{ type: 'boolean' }] : []), ...rest.map((t) => convert(t, depth + 1))];
      if (options.length === 1) return options[0];
      if (options.every((o) => 'const' in o && Object.keys(o).length === 1))
        return { enum: options.map((o) => o.const) };
      return { anyOf: options };
    }
    const name = nameOf(type);
    if (name && depth > 0) {
      let ref = namedBy.get(type);
      if (!ref) {
        ref = name;
        for (let n = 2; ref in schemas; n++) ref = `${name}${n}`;
        namedBy.set(type, ref);
        schemas[ref] = {};
        schemas[ref] = convert(type, 0);
      }
      return { $ref: `#/components/schemas/${ref}` };
    }
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => convert(t, depth + 1));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (checker.isArrayType(type)) {
      return { type: 'array', items: convert(checker.getTypeArguments(type as ts.TypeReference)[0], depth + 1) };
    }
    if (flags & ts.TypeFlags.Object || type.isIntersection()) {
      const properties: Record<string, Json> = {};
      const required: string[] = [];
      for (const prop of checker.getPropertiesOfType(type)) {
        const propType = checker.getTypeOfSymbol(prop);
        const optional = (prop.getFlags() & ts.SymbolFlags.Optional) !== 0;
        properties[prop.getName()] = convert(propType, depth + 1);
        if (!optional) required.push(prop.getName());
      }
      const out: Json = { type: 'object', properties };
      if (required.length) out.required = required;
      const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.getFlags() & ts.TypeFlags.String);
      if (index) out.additionalProperties = convert(index.type, depth + 1);
      return out;
    }
    throw new Error(`no JSON Schema for the type ${checker.typeToString(type)}`);
  };

  const answers: Record<string, Json> = {};
  for (const route of checker.getPropertiesOfType(routesType)) {
    const answer = checker.getTypeOfSymbol(checker.getPropertyOfType(checker.getTypeOfSymbol(route), 'answer')!);
    const kind = checker.getTypeOfSymbol(checker.getPropertyOfType(answer, 'kind')!);
    if (!(kind.getFlags() & ts.TypeFlags.StringLiteral) || (kind as ts.StringLiteralType).value !== 'json') continue;
    const body = checker.getNonNullableType(checker.getTypeOfSymbol(checker.getPropertyOfType(answer, '__type')!));
    answers[route.getName()] = convert(body, 1);
  }
  return { schemas, answers };
}
