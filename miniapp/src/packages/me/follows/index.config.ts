import { titles } from '../../../i18n/titles';

export default definePageConfig({
  navigationBarTitleText: titles.follows,
});
