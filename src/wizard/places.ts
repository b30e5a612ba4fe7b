/**
 * Suggestions that follow from the address the user typed: the district court at the seat of the
 * prefecture (the usual 合意管轄 of a contract) and the prefectural police's cyber-crime desk. They
 * are offered on screen as the answer's default; the user keeps or changes them.
 */

const COURT_CITY: Record<string, string> = {
  北海道: '札幌',
  青森県: '青森',
  岩手県: '盛岡',
  宮城県: '仙台',
  秋田県: '秋田',
  山形県: '山形',
  福島県: '福島',
  茨城県: '水戸',
  栃木県: '宇都宮',
  群馬県: '前橋',
  埼玉県: 'さいたま',
  千葉県: '千葉',
  東京都: '東京',
  神奈川県: '横浜',
  新潟県: '新潟',
  富山県: '富山',
  石川県: '金沢',
  福井県: '福井',
  山梨県: '甲府',
  長野県: '長野',
  岐阜県: '岐阜',
  静岡県: '静岡',
  愛知県: '名古屋',
  三重県: '津',
  滋賀県: '大津',
  京都府: '京都',
  大阪府: '大阪',
  兵庫県: '神戸',
  奈良県: '奈良',
  和歌山県: '和歌山',
  鳥取県: '鳥取',
  島根県: '松江',
  岡山県: '岡山',
  広島県: '広島',
  山口県: '山口',
  徳島県: '徳島',
  香川県: '高松',
  愛媛県: '松山',
  高知県: '高知',
  福岡県: '福岡',
  佐賀県: '佐賀',
  長崎県: '長崎',
  熊本県: '熊本',
  大分県: '大分',
  宮崎県: '宮崎',
  鹿児島県: '鹿児島',
  沖縄県: '那覇',
};

/** The prefecture an address starts with (東京都、北海道、神奈川県…). */
export function prefectureOf(address: unknown): string | undefined {
  if (typeof address !== 'string') return undefined;
  const text = address.trim();
  return Object.keys(COURT_CITY).find((p) => text.startsWith(p));
}

/** 横浜地方裁判所 for an address in 神奈川県. */
export function courtFor(address: unknown): string | undefined {
  const prefecture = prefectureOf(address);
  return prefecture ? `${COURT_CITY[prefecture]}地方裁判所` : undefined;
}

/** 神奈川県警察本部のサイバー犯罪相談窓口 (東京都: 警視庁). */
export function policeFor(address: unknown): string | undefined {
  const prefecture = prefectureOf(address);
  if (!prefecture) return undefined;
  const police = prefecture === '東京都' ? '警視庁' : `${prefecture}警察本部`;
  return `${police}のサイバー犯罪相談窓口`;
}
