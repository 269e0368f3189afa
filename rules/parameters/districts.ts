/** Baotou's ten 旗县区 (including 稀土高新区), with every name a clerk may type. */
export interface District {
  id: string;
  zh: string;
  short: string;
  en: string;
  /** Other accepted spellings (pinyin, old names). */
  aliases: readonly string[];
}

export const districts: readonly District[] = [
  { id: 'kundulun', zh: '昆都仑区', short: '昆区', en: 'Kundulun', aliases: ['Kundulun District'] },
  { id: 'qingshan', zh: '青山区', short: '青山', en: 'Qingshan', aliases: ['Qingshan District'] },
  { id: 'donghe', zh: '东河区', short: '东河', en: 'Donghe', aliases: ['Donghe District'] },
  { id: 'jiuyuan', zh: '九原区', short: '九原', en: 'Jiuyuan', aliases: ['Jiuyuan District'] },
  { id: 'shiguai', zh: '石拐区', short: '石拐', en: 'Shiguai', aliases: ['Shiguai District'] },
  { id: 'bayan-obo', zh: '白云鄂博矿区', short: '白云矿区', en: 'Bayan Obo', aliases: ['Bayan Obo Mining District', 'Baiyun Obo', 'Baiyun'] },
  { id: 'tumed-right', zh: '土默特右旗', short: '土右旗', en: 'Tumed Right Banner', aliases: ['Tumed Right', 'Tumote Right Banner'] },
  { id: 'guyang', zh: '固阳县', short: '固阳', en: 'Guyang', aliases: ['Guyang County'] },
  {
    id: 'darhan-muminggan',
    zh: '达尔罕茂明安联合旗',
    short: '达茂旗',
    en: 'Darhan Muminggan United Banner',
    aliases: ['Darhan Muminggan', 'Damao Banner', 'Damao'],
  },
  {
    id: 'hi-tech-zone',
    zh: '稀土高新区',
    short: '高新区',
    en: 'Rare Earth Hi-Tech Zone',
    aliases: ['Rare Earth Hi-Tech Zone', 'Hi-Tech Zone', 'Baotou Rare Earth High-Tech Zone'],
  },
];
