import { DISTRICTS } from '../../src/domain/regions';
import type { Random } from '../../src/domain/random';

// Realistic, invented people: Chinese names with their pinyin, addresses, Axis mobile numbers.

const SURNAMES: readonly [string, string][] = [
    ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
    ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
    ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['欧阳', 'ouyang'],
];

const GIVEN: readonly [string, string][] = [
    ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
    ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
    ['明', 'ming'], ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
    ['桂英', 'guiying'], ['晓东', 'xiaodong'], ['思远', 'siyuan'], ['雨桐', 'yutong'], ['子涵', 'zihan'],
];

const STREETS = ['人民路', '中山路', '解放路', '建设路', '和平街', '长江路', '文化路', '新华街', '光明路', '滨江大道'];
const LEAVING_REASONS = [
    '已回国，不再需要印尼号码。',
    '换了其他运营商的套餐。',
    'Moved back home and no longer need the number.',
    '资费对我来说太高了。',
    'I have a second SIM with another provider now.',
    '号码很少使用，想注销。',
];
const DEVICE_NAMES = ['iPhone 15', 'Xiaomi 14', 'HUAWEI Mate 60', 'Galaxy S24', 'iPad Air', 'OPPO Find X7'];
const AXIS_PREFIXES = ['831', '832', '833', '838'];

export interface Person {
    name: string;
    pinyin: string;
    sex: 'male' | 'female';
}

export function person(random: Random): Person {
    const [surname, surnamePinyin] = random.pick(SURNAMES);
    const [given, givenPinyin] = random.pick(GIVEN);
    return { name: surname + given, pinyin: `${givenPinyin}.${surnamePinyin}`, sex: random.chance(0.5) ? 'male' : 'female' };
}

export const districtCodes = Object.keys(DISTRICTS);

export function address(random: Random, districtCode: string): string {
    const district = DISTRICTS[districtCode]?.zh ?? '';
    return `${district}${random.pick(STREETS)}${random.int(1, 999)}号${random.int(1, 30)}栋${random.int(101, 2808)}室`;
}

/** An Axis number in E.164: +62 followed by 831/832/833/838 and 8 digits. */
export const axisNumber = (random: Random) => `+62${random.pick(AXIS_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
/** Contact phones are Chinese mobiles: the customer's number back home. */
export const chineseMobile = (random: Random) => `+861${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
export const email = (random: Random, who: Person) => `${who.pinyin}${random.int(1, 99)}@${random.pick(['qq.com', '163.com', 'gmail.com', 'outlook.com'])}`;
export const leavingReason = (random: Random) => random.pick(LEAVING_REASONS);
export const deviceName = (random: Random) => random.pick(DEVICE_NAMES);
