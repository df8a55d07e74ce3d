import { describe, expect, it } from 'vitest';
import { urlProblem } from './rich-text-editing';

describe('the link and image addresses the editor accepts', () => {
  it('accepts only http(s)/mailto links and https images', () => {
    expect(urlProblem('link', 'https://example.com')).toBeNull();
    expect(urlProblem('link', 'mailto:hi@example.com')).toBeNull();
    expect(urlProblem('link', 'javascript:alert(1)')).toBe('invalid');
    expect(urlProblem('image', 'http://example.com/a.png')).toBe('invalid');
    expect(urlProblem('image', 'https://example.com/a.png')).toBeNull();
  });
});
