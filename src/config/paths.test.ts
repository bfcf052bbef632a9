// Sign-in must return a person to where they were, and never to another site (open redirect).
import { describe, expect, it } from 'vitest';
import { paths, safeRedirectPath, signInPath } from './paths';

describe('safeRedirectPath', () => {
  it('keeps in-app paths with their query', () => {
    expect(safeRedirectPath('/orders?status=qc')).toBe('/orders?status=qc');
  });

  it('sends anything else home', () => {
    for (const bad of [null, undefined, '', 'https://evil.test', '//evil.test', '/\\evil.test']) {
      expect(safeRedirectPath(bad)).toBe(paths.home);
    }
    expect(safeRedirectPath('/sign-in?redirectTo=%2Forders')).toBe(paths.home);
  });
});

describe('signInPath', () => {
  it('carries the page to return to', () => {
    expect(signInPath('/board')).toBe('/sign-in?redirectTo=%2Fboard');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath()).toBe('/sign-in');
  });
});
