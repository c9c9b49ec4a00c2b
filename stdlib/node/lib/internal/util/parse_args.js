'use strict';
// internal/util/parse_args: util.parseArgs, node's command-line parser. Book: chapter 10,
// "Console and inspect" ("util.parseArgs and util.styleText").
//
// Three phases, as in node: the arguments become tokens (options with their values,
// positionals, the "--" terminator; "-abc" groups expanded, "-fVALUE" and
// "--name=value" split); the tokens are checked (in strict mode) and stored into
// values and positionals; then the defaults fill what is missing.

const { argType, argValue, makeError } = require('internal/errors');

const own = (object, key) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
const optionGet = (options, name, key) => (Object.prototype.hasOwnProperty.call(options, name) ? own(options[name], key) : undefined);

const parseError = (code, message) => makeError(1, code, message);

// ==== Checking the configuration ====

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw argType(name, 'of type boolean', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw argType(name, 'of type string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argType(name, 'of type object', value);
}

function validateArrayOf(value, name, check) {
  if (!Array.isArray(value)) throw argType(name, 'an instance of Array', value);
  value.forEach((item, i) => check(item, `${name}[${i}]`));
}

function validateOption(name, config) {
  validateObject(config, `options.${name}`);
  const type = own(config, 'type');
  if (type !== 'string' && type !== 'boolean') throw argType(`options.${name}.type`, "('string|boolean')", type);
  if (Object.prototype.hasOwnProperty.call(config, 'short')) {
    const short = config.short;
    validateString(short, `options.${name}.short`);
    if (short.length !== 1) throw argValue(`options.${name}.short`, short, 'must be a single character');
  }
  const multiple = own(config, 'multiple');
  if (Object.prototype.hasOwnProperty.call(config, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
  const value = own(config, 'default');
  if (value === undefined) return;
  const check = type === 'string' ? validateString : validateBoolean;
  if (multiple) validateArrayOf(value, `options.${name}.default`, check);
  else check(value, `options.${name}.default`);
}

// ==== Phase 1: tokens ====

const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isLoneLong = (arg) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
const isLongWithValue = (arg) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
const startsShort = (arg) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';

// The long name of a short option, or the short letter itself when none has it.
function longFor(short, options) {
  const entry = Object.entries(options).find(([, config]) => own(config, 'short') === short);
  return entry ? entry[0] : short;
}

const takesString = (options, name) => optionGet(options, name, 'type') === 'string';

// "-abc" as "-a", "-b", "-c"; a string option in the middle takes the rest as its value.
function expandGroup(arg, options) {
  const expanded = [];
  for (let i = 1; i < arg.length; i++) {
    if (!takesString(options, longFor(arg[i], options)) || i === arg.length - 1) expanded.push(`-${arg[i]}`);
    else {
      expanded.push(`-${arg.slice(i)}`);
      break;
    }
  }
  return expanded;
}

function argsToTokens(args, options) {
  const tokens = [];
  const rest = args.slice();
  let index = -1, grouped = 0;
  while (rest.length > 0) {
    const arg = rest.shift();
    if (grouped > 0) grouped--;
    else index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of rest) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    if (isLoneShort(arg) || isLoneLong(arg)) {
      const name = isLoneShort(arg) ? longFor(arg[1], options) : arg.slice(2);
      let value, inlineValue;
      if (takesString(options, name) && rest[0] != null) (value = rest.shift()), (inlineValue = false);
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
    } else if (startsShort(arg) && !takesString(options, longFor(arg[1], options))) {
      const expanded = expandGroup(arg, options);
      rest.unshift(...expanded);
      grouped = expanded.length;
    } else if (startsShort(arg)) {
      const name = longFor(arg[1], options);
      tokens.push({ kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
    } else if (isLongWithValue(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
    } else tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// ==== Phase 2: checking and storing ====

function unknownOption(rawName, allowPositionals) {
  const hint = allowPositionals
    ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(rawName)}`
    : '';
  return parseError('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${rawName}'${hint}`);
}

// The option's name, checked: known (or a negated boolean), with a value only if a string.
function checkUsage(config, token) {
  let name = token.name;
  if (!Object.prototype.hasOwnProperty.call(config.options, name)) {
    const negated = config.allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || optionGet(config.options, negated, 'type') !== 'boolean')
      throw unknownOption(token.rawName, config.allowPositionals);
    name = negated;
  }
  const short = optionGet(config.options, name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionGet(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string')
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong} <value>' argument missing`);
  if (type === 'boolean' && token.value != null)
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong}' does not take an argument`);
}

// A value that looks like an option ("-x") taken from the next argument is an error.
function checkOptionLikeValue(token) {
  const value = token.value;
  if (token.inlineValue || value == null || !(value.length > 1 && value[0] === '-')) return;
  const example = token.rawName.startsWith('--')
    ? `'${token.rawName}=-XYZ'`
    : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    `Option '${token.rawName}' argument is ambiguous.\nDid you forget to specify the option argument for '${token.rawName}'?\nTo specify an option argument starting with a dash use ${example}.`);
}

function storeOption(name, value, options, values, allowNegative) {
  if (name === '__proto__') return;
  if (allowNegative && name.startsWith('no-') && value === undefined) {
    name = name.slice(3);
    value = false;
  }
  const stored = value ?? true;
  if (optionGet(options, name, 'multiple')) {
    if (values[name]) values[name].push(stored);
    else values[name] = [stored];
  } else values[name] = stored;
}

// ==== parseArgs ====

// The script's arguments: after the script's name, or after the program itself for -e
// and -p, which run no main module.
function mainArgs() {
  return process.argv.slice(require.main === undefined ? 1 : 2);
}

function parseArgs(config = { __proto__: null }) {
  const args = own(config, 'args') ?? mainArgs();
  const strict = own(config, 'strict') ?? true;
  const allowPositionals = own(config, 'allowPositionals') ?? !strict;
  const returnTokens = own(config, 'tokens') ?? false;
  const allowNegative = own(config, 'allowNegative') ?? false;
  const options = own(config, 'options') ?? { __proto__: null };
  if (!Array.isArray(args)) throw argType('args', 'an instance of Array', args);
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [name, optionConfig] of Object.entries(options)) validateOption(name, optionConfig);

  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  const checks = { options, allowPositionals, allowNegative };
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkUsage(checks, token), checkOptionLikeValue(token);
      storeOption(token.name, token.value, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals)
        throw parseError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
          `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const value = own(optionConfig, 'default');
    if (value !== undefined && result.values[name] === undefined && name !== '__proto__') result.values[name] = value;
  }
  return result;
}

module.exports = { parseArgs };
