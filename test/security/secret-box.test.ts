import { expect } from 'chai';
import { SecretBox } from '../../src/security/secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('x'.repeat(40), 'tool-keys');

  it('seals and opens a secret, never twice the same text', () => {
    const a = box.seal('private key', 'kid-1');
    expect(a)
      .to.match(/^v1\.[\w-]+\.[\w-]+$/)
      .and.not.contain('private');
    expect(box.seal('private key', 'kid-1')).to.not.equal(a);
    expect(box.open(a, 'kid-1')).to.equal('private key');
  });

  const refusals: [string, (sealed: string) => [SecretBox, string, string], string][] = [
    [
      'altered ciphertext',
      (s) => [box, `${s.slice(0, -2)}${s.endsWith('A') ? 'BB' : 'AA'}`, 'kid-1'],
      'sealed secret cannot be opened: it was altered or LTI_KEY changed',
    ],
    [
      'other associated data',
      (s) => [box, s, 'kid-2'],
      'sealed secret cannot be opened: it was altered or LTI_KEY changed',
    ],
    [
      'another LTI_KEY',
      (s) => [new SecretBox('y'.repeat(40), 'tool-keys'), s, 'kid-1'],
      'sealed secret cannot be opened: it was altered or LTI_KEY changed',
    ],
    [
      'another purpose',
      (s) => [new SecretBox('x'.repeat(40), 'ltijs-records'), s, 'kid-1'],
      'sealed secret cannot be opened: it was altered or LTI_KEY changed',
    ],
    ['an unknown format', () => [box, 'v0.abc', 'kid-1'], 'sealed secret has an unknown format'],
  ];
  for (const [name, make, message] of refusals) {
    it(`refuses ${name}`, () => {
      const [opener, sealed, aad] = make(box.seal('private key', 'kid-1'));
      expect(() => opener.open(sealed, aad)).to.throw(message);
    });
  }
});
