/**
 * The key that makes label names unique case-insensitively ("VIP" and "vip" are one label);
 * `toLocaleLowerCase('und')` would vary by runtime, plain lowercasing does not.
 */
export function labelNameKey(name: string): string {
  return name.trim().toLowerCase();
}
