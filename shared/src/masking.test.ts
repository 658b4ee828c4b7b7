import {
  containsPii,
  maskAddress,
  maskBankAccount,
  maskIdNumber,
  maskName,
  maskPhone,
  maskPii,
  maskTable,
  maskText,
} from './masking';

describe('masking by kind', () => {
  it('keeps the region and the last 4 characters of an ID number', () => {
    expect(maskIdNumber('330304199001011234')).toBe('330304********1234');
    expect(maskIdNumber('33030419900101123x')).toBe('330304********123X');
    expect(maskIdNumber('330304900101123')).toBe('330304*****1123');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0577-88881234')).toBe('********1234');
  });

  it('keeps only the last 4 digits of a bank account', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('***************0123');
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('************7890');
  });

  it('keeps the surname of a name, compound surnames whole', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('司马相如')).toBe('司马**');
    expect(maskName('李')).toBe('*');
  });

  it('keeps an address up to its road, village or township', () => {
    expect(maskAddress('温州市瓯海区景山街道府东路123号5幢301室')).toBe('温州市瓯海区景山街道府东路****');
    expect(maskAddress('瓯海区泽雅镇纸山村23号')).toBe('瓯海区泽雅镇纸山村****');
    expect(maskAddress('泽雅镇纸山村三组')).toBe('泽雅镇纸山村****');
    expect(maskAddress('瓯海区景山街道')).toBe('瓯海区景山街道');
    expect(maskAddress('某某小区十幢')).toBe('某某小****');
  });

  it('masks numbers and leaves null alone', () => {
    expect(maskPii('phone', 13812345678)).toBe('138****5678');
    expect(maskPii('name', null)).toBeNull();
  });
});

describe('detection in free text', () => {
  it('masks ID, mobile and bank numbers wherever they appear', () => {
    const t = '户主身份证330304199001011234，电话13812345678，卡号6222021234567890123。';
    expect(maskText(t)).toBe('户主身份证330304********1234，电话138****5678，卡号***************0123。');
    expect(maskText('旧证号330304900101123')).toBe('旧证号330304*****1123');
    expect(maskText('手机 +86 138 1234 5678')).toBe('手机 138****5678');
    expect(maskText('卡 6222 0212 3456 7890 123')).toBe('卡 ***************0123');
  });

  it('leaves amounts, dates, landlines and long codes alone', () => {
    for (const t of ['补偿金额 1234567.89 元', '2025年10月1日', '电话 0577-88881234', '订单 20251001123456789012345', '统一社会信用代码 91330304MA2AXXXX1Y', '编号 12345678901']) {
      expect(maskText(t)).toBe(t);
      expect(containsPii(t)).toBe(false);
    }
  });
});

describe('maskTable', () => {
  const table = {
    title: '补偿名单',
    columns: [
      { key: 'name', label: '户主', pii: 'name' as const },
      { key: 'id', label: '身份证号', pii: 'id-number' as const },
      { key: 'note', label: '备注' },
      { key: 'amount', label: '金额（元）' },
    ],
    rows: [
      { name: '张三', id: '330304199001011234', note: '联系 13812345678', amount: 12000 },
      { name: '欧阳修', id: '330304199202021235', note: '', amount: 8000.5, extra: 'x' } as Record<string, string | number>,
    ],
  };

  it('masks pii columns by kind and detected numbers in other cells, dropping undeclared keys', () => {
    const m = maskTable(table);
    expect(m.personal).toBe(true);
    expect(m.rows).toEqual([
      { name: '张*', id: '330304********1234', note: '联系 138****5678', amount: 12000 },
      { name: '欧阳*', id: '330304********1235', note: '', amount: 8000.5 },
    ]);
  });

  it('marks a table without pii columns as personal only when something was detected', () => {
    const plain = { title: '项目', columns: [{ key: 'a', label: '名称' }], rows: [{ a: '村道硬化' }] };
    expect(maskTable(plain).personal).toBe(false);
    expect(maskTable({ ...plain, rows: [{ a: '负责人 13912345678' }] }).personal).toBe(true);
  });
});
