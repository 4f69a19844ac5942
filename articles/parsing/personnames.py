"""What people's names in Chinese text are made of: the family names in use, Tibetan names' parts,
and the words that end a name when they follow it (used by the credits here and by extraction/entities.py). Pure text."""

from __future__ import annotations

# The family names in use (百家姓 and the common rarer ones, including 老, 和, 向).
SURNAMES_2 = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木")
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花"
    "权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由老"
    "郦杞税禤萧眭蹇糜訾谯蒯宓羿钮綦须代"
)
# Tibetan names have no surname: they are one or two of these parts (`次仁`, `罗布次仁`, `扎西顿珠`).
TIBETAN_NAME_PARTS = frozenset(
    "次仁 扎西 卓玛 格桑 旦增 尼玛 达瓦 顿珠 平措 索朗 拉巴 多吉 巴桑 白玛 德吉 央金 曲珍 罗布 普布 边巴 琼达 次旦 洛桑 贡嘎 桑珠 益西 "
    "拉姆 措姆 德庆 仁青 群培 强巴 土登 阿旺 嘎玛 丹增 班旦 欧珠 晋美 米玛 扎巴 洛松 次珍 卓嘎 巴珠 贡桑 朗杰 普赤 央宗 拉珍".split()
)
# Characters that end a name when they follow it: verbs and particles of the sentence.
NAME_STOPS = set("副以在表说出主介等和与及为宣担对于将把被是也都就还又已这那的了着过讲称谈作做告坦认参陪牵负兼协组每向则却竟仍便看帮替带")
# Two-character verbs whose first character is also common at the end of a given name
# (`刘国强调` vs `刘国强说`): the name stops before them.
NAME_STOP_BIGRAMS = ("立即", "先后", "同志", "任职", "亲自", "带领", "带队", "指出", "指导", "率队", "率领", "从事", "向记者",
                     "再次", "共同", "用心", "来到", "到院", "强调", "希望", "呼吁", "提出", "如是", "分管", "深入", "荣获",
                     "获得", "领衔", "首次", "均为", "曾经", "所在")
FIRST_GIVEN_STOPS = set("的了在是与及等为对从把被将向于和副")
# Position nouns that follow a surname-like character but are no given name (`任组长`).
NOT_GIVEN_NAMES = ("大夫", "组长", "班长", "队长", "成员", "主任", "委员", "书记", "院长", "科长", "部长", "同志", "代表", "干部",
                   "班子", "领导", "医生", "护士", "专家", "教授", "职工", "党员", "群众", "患者")
# Words that open with a family name and that jieba's dictionary may tag as a name, but that are
# no one's (`麻醉医生`, `谢谢医生`, `老公`).
NOT_NAMES = frozenset("麻醉 谢谢 老公 老婆 老乡 老师 老人 孩子 宝宝 阿姨 叔叔 大爷 大妈 姐姐 哥哥 弟弟 妹妹 高龄 周末 向往 "
                      # words of hospitals' names and services that jieba reads as names (`专家|康养(nr)|度假大院`)
                      "康养 康复 安康 博爱 普爱 惠民 温馨 友谊 齐鲁 宣武".split())
