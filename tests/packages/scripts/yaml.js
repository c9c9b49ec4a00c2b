// YAML: js-yaml loads and dumps (anchors, multi-line strings, types), and its errors.
const yaml = require('js-yaml');
const text = `
server:
  host: localhost
  port: 8080
  tags: [web, "api", 3]
defaults: &defaults
  retries: 3
  timeout: 1.5
job:
  <<: *defaults
  name: nightly
  enabled: yes
  when: 2024-01-02
  script: |
    echo one
    echo two
  note: >
    folded
    text
empty: ~
`;
const doc = yaml.load(text);
console.log(doc);
console.log(yaml.dump(doc, { sortKeys: true, lineWidth: 40 }));
console.log(yaml.dump({ list: [1, 'two', { three: [3, 3] }], s: 'a: b', n: null, multi: 'x\ny' }));
try {
  yaml.load('a: [1, 2\nb: 3');
} catch (e) {
  console.log(e.name, e.message.split('\n')[0]);
}
console.log(yaml.loadAll('--- 1\n--- [2]\n--- {c: 3}\n'));
