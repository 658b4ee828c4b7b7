import QRCode from 'qrcode';
import { disclosureH5Url, disclosurePagePath } from '@gongkai/shared';
import type { Config } from '../../config';

/*
 * Where a printed notice or a feed entry points: the disclosure's page in the mini-program (a page path with
 * the id) and the same page in the H5 build under `/m/`, which is also the public website. The QR code on a
 * notice encodes the H5 URL: WeChat's scanner opens it, and so does any phone camera.
 */

/** The public base URL: GONGKAI_PUBLIC_URL, else the request's origin. */
export function publicBase(config: Pick<Config, 'publicUrl'>, requestOrigin: string): string {
  return (config.publicUrl ?? requestOrigin).replace(/\/$/, '');
}

/** The links of a disclosure on every channel. */
export interface DisclosureLinks {
  /** The H5 URL (the QR code's payload). */
  h5: string;
  /** The mini-program page path, e.g. `pages/disclosure/index?id=…`. */
  miniProgram: string;
  /** The chain verification endpoint. */
  verify: string;
}

/** The links of a disclosure under a base URL. */
export function disclosureLinks(base: string, disclosureId: string): DisclosureLinks {
  return {
    h5: disclosureH5Url(base, disclosureId),
    miniProgram: disclosurePagePath(disclosureId),
    verify: `${base}/api/v1/disclosures/${disclosureId}/verify`,
  };
}

/** The QR code of a payload as a PNG (error correction M: a printed notice may get smudged). */
export function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
