/*
 * A cheap check of an uploaded xlsx before any parser sees it: an xlsx is a zip holding xl/workbook.xml, and
 * its central directory states every entry's unpacked size, so a "zip bomb" (a few KB that unpack to GBs) is
 * refused without unpacking anything. Used by the catalogue import and the disclosure table import.
 */

/** A few thousand rows unpack to a few MB; anything far bigger is refused unread. */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;

/**
 * Checks that a buffer is an xlsx (a zip holding xl/workbook.xml) whose unpacked size stays under
 * `maxUnpacked`, by reading the zip's central directory. Returns a reason (Chinese) when it is not acceptable.
 */
export function xlsxProblem(buf: Buffer, maxUnpacked: number = MAX_XLSX_UNPACKED_BYTES): string | undefined {
  const notXlsx = '仅支持 Excel 工作簿（.xlsx）文件';
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return notXlsx;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notXlsx;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let workbook = false;
  if (entries > 2_000) return '文件结构异常（条目过多）';
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return notXlsx;
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff) return '文件过大';
    total += size;
    if (name === 'xl/workbook.xml') workbook = true;
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (!workbook) return notXlsx;
  if (total > maxUnpacked) return '文件解压后过大，请分批导入';
  return undefined;
}
