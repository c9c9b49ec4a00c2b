// semver ranges, query strings (querystringify), durations (ms) and ids (uuid v5/validate).
const semver = require('semver');
const qs = require('querystringify');
const ms = require('ms');
const { v5, validate, version, parse, NIL } = require('uuid');

const versions = ['1.2.3', '1.2.4-beta.1', '1.3.0', '2.0.0', '0.9.9', '1.10.0'];
console.log(semver.sort(versions.slice()), semver.maxSatisfying(versions, '^1.2.0'), semver.minSatisfying(versions, '~1.2.3'));
console.log(semver.satisfies('1.2.4-beta.1', '^1.2.0'), semver.satisfies('1.2.4-beta.1', '^1.2.4-beta.0'), semver.valid('v1.2.3'), semver.clean('  =v1.2.3 '));
console.log(semver.inc('1.2.3', 'prerelease', 'rc'), semver.diff('1.2.3', '2.0.0'), semver.coerce('v3.4 beta').version, semver.validRange('>=1.2 <2 || 3.x'));
console.log(semver.compare('1.0.0', '1.0.0-alpha'), semver.gt('1.10.0', '1.9.0'), new semver.Range('^0.2.3').set.map((s) => s.map(String)));

console.log(qs.parse('?a=1&b=two%20words&c=&d'), qs.stringify({ x: 1, y: 'a b', z: 'ü' }, true));

console.log(ms('2 days'), ms('1.5h'), ms('10s'), ms(60000), ms(2 * 60 * 60 * 1000, { long: true }), ms('bogus'));

const ns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const id = v5('tinynode.example', ns);
console.log(id, validate(id), version(id), validate('not-a-uuid'), NIL, Array.from(parse(id)).slice(0, 4));
