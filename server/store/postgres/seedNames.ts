// Names for the copies of the sized seed (seedAtSize.ts): the demo template has 525 combinations (21 surnames x 25 given
// names), so a million copies of it would give every name thousands of namesakes (2,853 open requests named 罗超). Real
// names repeat far less: these pools, drawn with a skew towards the first entries (common surnames and characters first,
// roughly as in China's name statistics), give 253 surnames x 141 characters, given names of one character (1 in 5) or two. At a million requests
// 77 hold 罗超 (the bench's name search; measured 2026-12-07), against 2,853 open ones with the template's names alone.

/** Common Chinese surnames, roughly by frequency. */
export const SEED_SURNAMES = [...new Set([...
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'])];

/** Characters of given names, roughly by frequency. */
export const SEED_GIVEN_CHARACTERS = [...new Set([...
    '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英霞平刚桂东思远雨桐子涵浩宇轩博文俊凯鹏飞华建国庆红梅玲婷雪琳晨阳欣怡嘉琪佳慧颖倩婧瑶萱璐梓睿泽晗铭昊天航辰逸然诗雅悦彤馨月露云峰斌波辉鑫亮志宏海燕晓丹蕾洁娟琴兰凤莉萍春秋冬夏松柏林森德仁义礼智信安宁康乐福寿喜祥瑞兴旺盛荣贵富金银玉珠宝石山川江河湖波涛'])];
