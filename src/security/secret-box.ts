import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of secrets at rest (AES-256-GCM), with a key derived from LTI_KEY per purpose,
 * so one leaked derived key opens one kind of secret only. Sealed text: `v1.<iv>.<ciphertext+tag>`.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'accredit', `accredit/${purpose}/v1`, 32));
  }

  seal(plaintext: string, associatedData = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** Throws when the text was altered, sealed for other data, or sealed with another LTI_KEY. */
  open(sealed: string, associatedData = ''): string {
    const [version, ivText, bodyText] = sealed.split('.');
    if (version !== 'v1' || !ivText || !bodyText) throw new Error('sealed secret has an unknown format');
    const body = Buffer.from(bodyText, 'base64url');
    if (body.length < 16) throw new Error('sealed secret is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(ivText, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(body.subarray(body.length - 16));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error('sealed secret cannot be opened: it was altered or LTI_KEY changed');
    }
  }
}
