import { ScrollView, Text, View } from '@tarojs/components';
import type { PublicTable } from '@gongkai/shared';
import { FOCUSABLE } from '../../../components/a11y';
import { zh } from '../../../i18n/zh';
import './Tables.css';

type Cell = string | number | boolean | null | undefined;

const show = (v: Cell) => (v === null || v === undefined ? '' : v === true ? zh.detail.yes : v === false ? zh.detail.no : String(v));

/**
 * The disclosure's tables as residents may see them: masked by the server (ID and phone numbers, names
 * where the item says so), each in a horizontal scroller so wide lists stay readable on a 375 px screen
 * (cells keep a readable minimum width and wrap long text). After the posting period a table with personal
 * data is replaced by the server's notice, shown here in words.
 */
export default function Tables({ tables }: { tables: readonly PublicTable[] }) {
  if (tables.length === 0) return null;
  return (
    <View className='tables'>
      <Text className='gk-heading'>{zh.detail.tablesHeading}</Text>
      {tables.map((t, i) =>
        'hidden' in t ? (
          <View key={i} className='table-hidden' role='note' data-testid='hidden-table'>
            <Text className='table-hidden__icon' aria-hidden='true'>
              ⓘ
            </Text>
            <Text className='table-hidden__text'>{zh.detail.hiddenTable(t.title, t.reason)}</Text>
          </View>
        ) : (
          <View key={i} className='gk-card table-card' data-testid='table'>
            <Text className='table-card__title'>{t.title}</Text>
            {t.personal && <Text className='gk-muted table-card__masked'>※ {zh.detail.masked}</Text>}
            {t.columns.length > 3 && <Text className='gk-muted table-card__hint'>{zh.detail.scrollHint}</Text>}
            <ScrollView scrollX className='table-scroll' enhanced showScrollbar {...FOCUSABLE}>
              <View className='table' role='table' aria-label={t.title}>
                <View className='table__row table__row--head' role='row'>
                  {t.columns.map((c) => (
                    <View key={c.key} className='table__cell table__cell--head' role='columnheader' data-pii={c.pii}>
                      {c.label}
                    </View>
                  ))}
                </View>
                {t.rows.map((r, ri) => (
                  <View key={ri} className='table__row' role='row'>
                    {t.columns.map((c) => (
                      <View key={c.key} className='table__cell' role='cell' data-pii={c.pii}>
                        {show(r[c.key] as Cell)}
                      </View>
                    ))}
                  </View>
                ))}
              </View>
            </ScrollView>
          </View>
        ),
      )}
    </View>
  );
}
