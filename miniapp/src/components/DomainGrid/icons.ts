import type { DomainKey } from '@gongkai/shared';

/**
 * One line-art icon per pilot domain (24×24, stroke only), shipped inside the bundle as SVG data URIs: no
 * network fonts or image requests, and the same on weapp (image src) and H5.
 */
const PATHS: Record<DomainKey, string> = {
  // a field plot with furrows
  'land-acquisition': '<path d="M3 19l3.5-11h11L21 19z"/><path d="M8 12.5h8M6.2 16h11.6M12 8v11"/>',
  // a house and an arrow to the new home
  'demolition-resettlement': '<path d="M2.5 12L8 7l5.5 5v7h-11z"/><path d="M6 19v-4h4v4"/><path d="M15 13h6.5M18.5 10l3 3-3 3"/>',
  // an apartment block
  'affordable-housing': '<rect x="5" y="3" width="14" height="18" rx="1"/><path d="M9 7h2M13 7h2M9 11h2M13 11h2M10 21v-4h4v4"/>',
  // a house with a check mark (renovated)
  'rural-housing-renovation': '<path d="M3 11.5L12 4l9 7.5"/><path d="M5.5 10v10h13V10"/><path d="M9 15l2 2 4-4"/>',
  // a heart held up by a hand
  'poverty-relief': '<path d="M12 14s-5-3-5-6.5A2.7 2.7 0 0 1 12 6a2.7 2.7 0 0 1 5 1.5C17 11 12 14 12 14z"/><path d="M3 15h4l3 2h5a1.5 1.5 0 0 1 0 3H8"/><path d="M15 18.5l4.5-2a1.4 1.4 0 0 1 1.5 2.3L15 22H3"/>',
  // a water drop (water, gas, services)
  'municipal-services': '<path d="M12 3s6 6.6 6 11a6 6 0 0 1-12 0c0-4.4 6-11 6-11z"/><path d="M9 14.5a3 3 0 0 0 3 3"/>',
  // a pair of scales (fair trading)
  'public-resource-trading': '<path d="M12 4v16M8 20h8M5 7h14"/><path d="M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z"/>',
  // a school cap
  'compulsory-education': '<path d="M2 9.5L12 5l10 4.5L12 14z"/><path d="M6 11.5V16c3.5 2.5 8.5 2.5 12 0v-4.5M22 9.5V15"/>',
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (weapp has no `btoa`). */
export function base64Ascii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const [a, b, c] = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < s.length ? B64[n & 63] : '=');
  }
  return out;
}

/** The icon of a domain as a data URI, drawn in `color`. */
export function domainIconUri(key: DomainKey, color = '#1d4ed8'): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${color}" ` +
    `stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${PATHS[key]}</svg>`;
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}
