import { Text, View } from '@tarojs/components';
import type { DisclosureVerify } from '@gongkai/shared';
import { formatDateTime } from '../../../utils/format';
import { zh } from '../../../i18n/zh';

/**
 * Version history from the verify endpoint, with the 已核验 badge: every published version's hash was
 * recomputed and the chain checked. The badge says it in words with a check mark; a failed check lists the
 * server's reasons.
 */
export default function History({ verify, current }: { verify: DisclosureVerify | null | 'loading'; current: number }) {
  return (
    <View className='history' data-testid='history'>
      <Text className='gk-heading'>{zh.detail.historyHeading}</Text>
      {verify === 'loading' && <Text className='gk-muted'>{zh.detail.verifying}</Text>}
      {verify && verify !== 'loading' && (
        <>
          {verify.valid ? (
            <View className='verified' data-testid='verified'>
              <Text className='verified__badge'>✓ {zh.detail.verified}</Text>
              <Text className='gk-muted verified__hint'>{zh.detail.verifiedHint}</Text>
            </View>
          ) : (
            <View className='verify-failed' role='alert'>
              <Text className='verify-failed__badge'>✗ {zh.detail.verifyFailed}</Text>
              <Text className='gk-muted'>{zh.problems(verify)}</Text>
            </View>
          )}
          {[...verify.chain].reverse().map((v) => (
            <View key={v.version} className={`version ${v.version === current ? 'version--current' : ''}`}>
              <Text className='version__no'>
                {zh.detail.version(v.version)}
                {v.version === current ? zh.detail.current : ''}
              </Text>
              <Text className='version__date'>{formatDateTime(v.publishedAt)}</Text>
              <Text className='version__hash'>{v.hash.slice(0, 12)}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
