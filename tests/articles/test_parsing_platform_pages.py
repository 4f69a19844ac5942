"""Copies from platforms and sites (a portal's account page, a government-affairs account, a
WeChat post, a video page, a county media centre, a Hong Kong e-paper): short texts written
for the tests in the shapes of real ones."""

import datetime as dt

import pytest

from articles.extraction.entities import extract
from articles.parsing import parse_bytes, parse_text
from tests.articles.parsed import only

pytestmark = pytest.mark.database_independent


def test_a_portal_account_page_with_its_authors_other_headlines():
    article = only(
        "百度首页\n登录\n\n华西医院开出全省首个睡眠呼吸障碍多学科联合门诊\n\n川观新闻\n"
        "2024-05-09 17:32四川日报社川观新闻官方账号\n关注\n\n川观新闻记者 邱璐\n\n"
        "5月9日上午，45岁的周先生在四川大学华西医院睡眠呼吸障碍多学科联合门诊一次挂号就见到了5个专科的医生。\n\n"
        "来源：川观新闻\n\n举报/反馈\n\n作者最新文章\n成都高新区今年将新建12所中小学\n"
        "四川省人民医院：高温天“热射病”患者增多 这些人群要当心\n\n相关推荐\n换一换\n"
        "打鼾就是睡得香？医生：严重时可能危及生命\n"
    )  # the headlines under `作者最新文章` are links, no second article
    assert article.title == "华西医院开出全省首个睡眠呼吸障碍多学科联合门诊"
    assert (article.published, article.source, article.authors) == (dt.date(2024, 5, 9), "川观新闻", ("邱璐",))
    assert "高新区" not in article.body


def test_an_accounts_name_a_picture_note_and_the_platforms_disclaimer():
    article = only(
        "澎湃号 > 政务 > 健康上海12320\n\n六院“骨质疏松骨折一站式诊疗中心”启用\n\n健康上海12320\n"
        "2024-07-12 18:05　来源：澎湃新闻·澎湃号·政务\n\n"
        "7月12日，上海市第六人民医院“骨质疏松骨折一站式诊疗中心”正式启用，老年髋部骨折患者48小时内可手术。\n\n"
        "图说：医护人员在一站式诊疗中心为老年患者进行术前评估\n\n据统计，中心上半年共收治患者412例。\n\n文/图：黄蕾\n\n"
        "本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场。\n\n"
        "特别声明\n本文为澎湃号作者或机构在澎湃新闻上传并发布。\n\n热新闻\n1 上海发布高温橙色预警\n"
    )
    assert [c.text for c in article.captions] == ["医护人员在一站式诊疗中心为老年患者进行术前评估"]
    assert article.authors == ("黄蕾",)
    for junk in ("健康上海12320", "仅代表", "特别声明", "高温橙色预警"):
        assert junk not in article.body


def test_a_wechat_posts_numbered_headings_and_its_credits_with_a_bar():
    article = only(
        "8岁女孩脑干长了“鸡蛋大”肿瘤\n原创 天坛宣传 北京天坛医院 2024年06月03日 08:30 北京\n\n收录于合集\n#天坛新闻 86个\n\n"
        "5月31日，在首都医科大学附属北京天坛医院神经外科病房，8岁的朵朵把亲手画的一幅画送给了医护人员。\n\n"
        "01\n术前｜给肿瘤画一张“三维地图”\n\n脑干被称为“生命中枢”，这里的手术被视为神经外科的“禁区”。\n\n"
        "02\n术后｜重症监护和康复“接力”\n\n术后，朵朵转入神经外科重症监护病房，第10天开始平衡训练。\n\n-END-\n\n"
        "文字丨李思琪\n图片丨李思琪\n编辑丨周一帆\n审核丨孙怀远\n"
    )
    assert [(s.label, s.heading) for s in article.sections if s.heading] == [
        ("01", "术前｜给肿瘤画一张“三维地图”"), ("02", "术后｜重症监护和康复“接力”")]
    assert article.authors == ("李思琪",)  # `天坛宣传`, the account's team, is no person
    assert article.editors == ("周一帆", "孙怀远")
    assert "合集" not in article.body and "#天坛新闻" not in article.body


def test_a_video_pages_script_and_who_speaks_in_it():
    text = (
        "长江云 · 湖北广播电视台\n首页 > 视频 > 湖北新闻\n\n【视频】92岁老人不开胸换心脏瓣膜　术后第三天下床\n"
        "00:00 / 02:48　　▶ 点击播放　　　　清晰度：高清\n来源：湖北广播电视台　　2024.07.16　　播放量 1.6万\n\n解说词：\n\n"
        "【导语】\n近日，武汉协和医院心血管外科团队为一位92岁的老人实施经导管主动脉瓣置换术。\n\n"
        "【同期声】武汉协和医院心血管外科主任医师 魏家祥\n老人年纪大，基础病多，如果开胸，很可能下不了手术台。\n\n"
        "【同期声】患者家属 万女士\n没想到这么快就能下地了。\n\n（记者：郑嘉伟　吴哲　武汉报道）\n\n编辑：方晓\n\n"
        "相关视频\n▶ 协和医院开设“心脏瓣膜病一站式门诊”\n"
    )
    article = only(text)
    assert article.title == "92岁老人不开胸换心脏瓣膜 术后第三天下床"
    assert (article.published, article.source) == (dt.date(2024, 7, 16), "湖北广播电视台")
    assert not article.captions and not [s.heading for s in article.sections if s.heading]
    assert "同期声" not in article.body and "点击播放" not in article.body and "解说" not in article.body
    people = {p.name: p.role for p in extract(article).people}
    assert people == {"魏家祥": "心血管外科主任医师"}  # the family member holds no post


def test_a_series_name_in_brackets_above_the_page_data_and_a_kicker():
    article = parse_text(
        "掌心长兴 | 长兴县融媒体中心\n首页 > 长兴新闻 > 民生 > 正文\n\n【健康长兴·医院巡礼】\n\n"
        "2024-09-10 07:58:12　来源：长兴县融媒体中心　记者：沈佳怡\n阅读量：3.2万　　　A- A+\n\n长兴县人民医院：\n\n"
        "创伤中心“一键启动”　抢回“黄金一小时”\n\n9月6日晚上8点多，一名50岁男子被120送到长兴县人民医院，患者从入院到进入手术室只用了28分钟。\n"
    )[0]
    assert (article.kicker, article.title) == ("长兴县人民医院", "创伤中心“一键启动” 抢回“黄金一小时”")
    assert (article.published, article.source) == (dt.date(2024, 9, 10), "长兴县融媒体中心")


def test_a_hong_kong_e_paper_in_traditional_script():
    article = only(
        "香港文匯報 電子版\nA14 ｜ 內地新聞 ｜ 2024年7月2日（星期二）\n上一版　下一版　　版面導航　　往期回顧\n\n"
        "人工智能賦能醫療\n中山醫院「AI讀片」　早期肝癌3分鐘出報告\n\n"
        "【香港文匯報訊】（記者 陸雲舟 上海報道）記者日前從復旦大學附屬中山醫院獲悉，該院的肝癌AI輔助診斷系統已在臨床應用半年。\n\n"
        "■復旦大學附屬中山醫院醫生在查看AI輔助診斷結果。香港文匯報記者陸雲舟 攝\n\n"
        "據悉，中山醫院正與上海多家區級醫院合作，將該系統延伸至基層。\n\n責任編輯：梁嘉欣\n"
    )
    assert article.title == "中山醫院「AI讀片」 早期肝癌3分鐘出報告"
    assert (article.source, article.published) == ("香港文匯報", dt.date(2024, 7, 2))
    assert article.authors == ("陸雲舟",)  # not `上海`, where the report came from
    assert [c.text for c in article.captions] == ["復旦大學附屬中山醫院醫生在查看AI輔助診斷結果"]
    assert article.body.startswith("記者日前")


def test_a_hospital_sites_list_page_above_the_item_it_opens():
    article = only(
        "郑州大学第一附属医院\n网站首页  医院概况  新闻中心  就医指南  科室导航  专家介绍\n搜索：[          ] 搜索\n\n"
        "新闻中心\n  医院新闻\n  媒体聚焦\n\n[2024-05-09] 七旬老人胸腔藏“定时炸弹” 多学科联手成功拆弹\n"
        "近日，郑州大学第一附属医院心血管外科团队联合介入、麻醉等多学科…\n[2024-05-08] 我院召开医疗质量安全分析会\n\n"
        "共1268条记录  页次：1/85  首页 上一页 1 2 3 下一页 尾页\n\n当前位置：首页 >> 新闻中心 >> 医院新闻\n\n"
        "七旬老人胸腔藏“定时炸弹” 多学科联手成功拆弹\n\n"
        "发布时间：2024/05/09　　作者：孔令远　　信息来源：郑州大学第一附属医院党委宣传部\n\n"
        "近日，郑州大学第一附属医院心血管外科团队为一名72岁患者实施一站式杂交手术，成功切除主动脉弓部巨大动脉瘤。\n\n"
        "上一条：我院召开2024年第二季度医疗质量安全分析会\n\n版权所有：郑州大学第一附属医院\n豫ICP备xxxxxxxx号\n"
    )
    assert article.title == "七旬老人胸腔藏“定时炸弹” 多学科联手成功拆弹"
    assert article.authors == ("孔令远",)  # not `信息` of 信息来源
    assert article.source == "郑州大学第一附属医院党委宣传部"
    for junk in ("上一条", "ICP", "页次", "新闻中心"):
        assert junk not in article.body


def test_a_health_commissions_page_of_two_items_under_a_one_step_breadcrumb():
    articles = parse_bytes("page.txt", (
        "林州市卫生健康委员会 > 工作动态\n\n林州市人民医院“三下乡”义诊走进任村镇\n\n"
        "发布时间：2024年08月12日 16:20　　信息来源：林州市人民医院　　访问次数：426\n\n"
        "8月10日上午，林州市人民医院组织18名医护人员走进任村镇古城村开展义诊活动。（通讯员 秦晓雨）\n\n【打印】【关闭】\n\n"
        "──────────────────────────────\n\n林州市中医院中医义诊进社区\n\n"
        "发布时间：2024-08-16　　信息来源：林州市中医院　　访问次数：311\n\n"
        "本网讯　8月15日，林州市中医院在振林街道桃园社区开展义诊活动。\n"
    ).encode()).articles
    assert [(a.title, a.source, a.published) for a in articles] == [
        ("林州市人民医院“三下乡”义诊走进任村镇", "林州市人民医院", dt.date(2024, 8, 12)),
        ("林州市中医院中医义诊进社区", "林州市中医院", dt.date(2024, 8, 16)),
    ]


def test_a_lead_in_line_ending_in_a_dash_and_subheads_with_a_comma():
    article = only(
        "人民网 >> 人民日报 >> 社会\n\n宁夏彭阳县人民医院借力对口帮扶提升服务能力——\n山区群众在家门口看上“专家号”\n本报记者　马文瑞\n\n"
        "2024年01月16日05:52 | 来源：人民网－人民日报\n小字号\n\n　　清晨7点半，彭阳县人民医院门诊楼前已排起长队。\n\n"
        "　　专家常驻，县里能做的手术多了\n\n　　林建安带着县医院医生开展了20余项新技术。\n\n"
        "　　远程会诊，乡村患者少跑路\n\n　　医院开通了远程会诊中心，去年会诊患者1200余人次。\n"
    )
    assert article.title == "山区群众在家门口看上“专家号”"
    assert [s.heading for s in article.sections if s.heading] == ["专家常驻，县里能做的手术多了", "远程会诊，乡村患者少跑路"]
    assert "小字号" not in article.body


def test_an_outlets_role_and_a_bar_before_the_name():
    article = only(
        "八旬老人住院期间坠床骨折，家属与医院为“护栏”争执11个月\n\n界面新闻记者 | 谢婉清\n界面新闻编辑 | 彭芳\n2024/04/11 07:05\n\n"
        "2023年5月的一个凌晨，83岁的刘桂香从衡阳市中心医院心内科病床上摔了下来。\n\n未经正式授权严禁转载本文，侵权必究。\n"
    )
    assert (article.source, article.authors, article.editors) == ("界面新闻", ("谢婉清",), ("彭芳",))


def test_a_press_conferences_roster_gives_its_speakers_not_captions():
    article = only(
        "【发布会实录】厦门大学附属第一医院杏林分院全面启用新闻发布会\n\n2024-03-27 16:45　来源：厦门市人民政府新闻办公室\n\n"
        "时间：2024年3月27日上午10:00\n发布人：\n厦门市卫生健康委员会副主任　林志远\n厦门大学附属第一医院院长　陈启明\n"
        "主持人：\n厦门市人民政府新闻办公室副主任　郑海燕\n\n■发布环节\n\n"
        "主持人 郑海燕：各位记者朋友，大家上午好！欢迎参加今天的新闻发布会。\n\n"
        "陈启明：杏林分院实行“一院两区、同质管理”，与思明院区共用一套专家团队。\n\n（根据现场录音整理，未经发言人审阅）\n"
    )
    assert article.captions == ()
    people = {p.name: p.role for p in extract(article).people}
    assert people.get("陈启明") == "院长" and "林志远" not in people  # the commission's official is no staff


def test_an_obituary_its_signature_its_bracketed_section_and_a_described_image():
    article = only(
        "讣告\n\n2024.01.08　　供稿：院长办公室　　编辑：韩璐\n\n"
        "  我国著名神经外科学家，天津医科大学总医院原神经外科主任宋怀谦同志，因病医治无效，于2024年1月6日在天津逝世，享年91岁。\n"
        "  宋怀谦教授千古！\n\n天津医科大学总医院\n宋怀谦同志治丧委员会\n2024年1月8日\n\n【宋怀谦教授生平】\n\n"
        "  宋怀谦，1933年3月生于河北省沧州市，1960年起专攻神经外科，2004年获第二届“中国医师奖”。\n\n"
        "[图片：宋怀谦教授生前在病房查房（资料图）]\n"
    )
    assert [s.heading for s in article.sections if s.heading] == ["宋怀谦教授生平"]
    assert [c.text for c in article.captions] == ["宋怀谦教授生前在病房查房"]
    assert "治丧委员会" not in article.body
    assert "中国医师奖" in {h.name for h in extract(article).honours}


def test_a_flattened_tables_cells_are_text_and_an_attachment_is_no_caption():
    article = only(
        "关于公布2024年度便民就医服务示范医院名单的通知\n\n发布日期：2024-06-18\n\n"
        "各市（区）卫生健康委：经评审，确定以下医院为便民就医服务示范医院，现予公布。\n\n"
        "医院名称\n所属地区\n医院等级\n苏州市立医院\n姑苏区\n三级甲等\n\n"
        "2024年度便民就医服务示范医院名单.pdf（下载次数：587）\n"
    )
    assert article.captions == ()
    assert "苏州市立医院" in article.body and ".pdf" not in article.body


def test_a_taiwan_wire_page_in_traditional_script():
    article = only(
        "中央社 CNA\n即時　政治　國際　兩岸　產經　證券　科技　生活　社會\n首頁 > 兩岸\n\n廈門醫院設台胞專屬門診　首月接診逾600人次\n\n"
        "2024/03/12 15:40（3/12 16:05 更新）\n字級\n分享\nFacebook\nLine\n複製連結\n\n"
        "廈門大學附屬第一醫院台胞服務中心內，醫護人員協助台籍患者辦理就診手續。（圖取自廈門大學附屬第一醫院微信公眾號）\n\n"
        "（中央社記者周詠恩台北12日電）位於福建省的廈門大學附屬第一醫院今年2月起開設「台胞專屬門診」。\n\n"
        "廈門大學附屬第一醫院副院長許振東說，專屬門診希望縮短台胞的就醫摸索期。\n\n"
        "據了解，廈門大學附屬第一醫院是當地台胞就醫人數最多的醫院。（編輯：楊凱程）1130312\n\n延伸閱讀\n金門鄉親赴廈就醫增加\n"
    )
    assert (article.source, article.published) == ("中央社", dt.date(2024, 3, 12))
    assert (article.authors, article.editors) == (("周詠恩",), ("楊凱程",))
    assert [c.text for c in article.captions] == ["廈門大學附屬第一醫院台胞服務中心內，醫護人員協助台籍患者辦理就診手續"]
    assert article.body.startswith("位於福建省") and "1130312" not in article.body
    # The headline's `廈門醫院`, never repeated, is the hospital the text names again and again.
    assert extract(article).subject_hospitals == ["廈門大學附屬第一醫院"]


def test_an_app_copy_with_its_headline_only_under_the_text():
    article = only(
        "红网时刻新闻 2023-10-26 09:12:37 阅读 3.2万\n关注  +\n\n"
        "红网时刻新闻10月26日讯（记者 罗静 通讯员 湘宣）10月18日深夜，一辆转运救护车驶入中南大学湘雅医院。\n\n**转运途中两次抢救**\n\n"
        "小宇一周前出现发热、乏力，被送往遵义医科大学附属医院救治。\n\n![](https://img.example.cn/ecmo.jpg)\n"
        "湘雅医院ECMO团队在救护车上监护患儿 通讯员 湘宣 摄\n\n**ECMO团队接力守护**\n\n当晚11时许，救护车抵达湘雅医院。\n\n"
        "原标题：《湘雅医院“移动ICU”千里转运危重患儿》\n来源：红网时刻新闻\n编辑：彭思思\n"
    )
    assert article.title == "湘雅医院“移动ICU”千里转运危重患儿"
    assert (article.published, article.source, article.editors) == (dt.date(2023, 10, 26), "红网时刻新闻", ("彭思思",))
    # a heading after a photo's credited caption still heads its section
    assert [s.heading for s in article.sections if s.heading] == ["转运途中两次抢救", "ECMO团队接力守护"]
    assert "原标题" not in article.body and "关注" not in article.body


def test_a_weekly_roundup_post_gives_its_items_not_its_own_headline():
    articles = parse_bytes("post.txt", (
        "一周动态｜全省卫生健康系统工作动态（2024年第19期）\n\n原创 江西省卫生健康委员会 2024年05月13日 17:30 江西\n\n"
        "▲点击上方蓝字“江西省卫生健康委员会”关注我们\n\n本期导读\n▶ 南昌大学第一附属医院：多学科接力救治重症热射病患者\n"
        "▶ 江西省人民医院：“移动护理站”开进社区\n\n01\n\n南昌大学第一附属医院：\n\n多学科接力 成功救治一名重症热射病患者\n\n"
        "5月8日，南昌大学第一附属医院急诊科、重症医学科等多学科协作，成功救治一名重症热射病患者。\n\n02\n\n江西省人民医院：\n\n"
        "“移动护理站”开进社区\n\n5月10日上午，江西省人民医院护理部在社区文化广场设立“移动护理站”。\n"
    ).encode()).articles
    assert [(a.position, a.kicker, a.title) for a in articles] == [
        (0, "南昌大学第一附属医院", "多学科接力 成功救治一名重症热射病患者"), (1, "江西省人民医院", "“移动护理站”开进社区")]
    assert {(a.published, a.source) for a in articles} == {(dt.date(2024, 5, 13), "江西省卫生健康委员会")}  # not `江西`
    assert any(f.kind == "dropped_boilerplate" and f.excerpt.startswith("一周动态") for f in articles[0].flags)


def test_a_series_in_brackets_then_the_kicker_and_a_platforms_plus_in_the_byline():
    article = only(
        "南方+ 客户端\n首页 > 广州 > 健康\n\n【5·12国际护士节·致敬白衣天使】\n广州医科大学附属第一医院\n"
        "ICU“夜班护士长”梁晓敏：守住生命的最后一道防线\n\n2024.05.11 20:35  来源：南方+\n南方+记者 黄思婷 通讯员 陈秋华 李敏\n\n"
        "凌晨2点，广州医科大学附属第一医院重症医学科里灯火通明，护士长梁晓敏正在查看患者的呼吸机参数。\n\n"
        "特别声明：以上文章内容仅代表作者本人观点。\n\n新浪新闻公众号\n更多猛料！欢迎扫描左方二维码关注\n\n责任编辑：张雨\n\n相关新闻\n孩子总说头晕？\n"
    )
    assert (article.kicker, article.title) == ("广州医科大学附属第一医院", "ICU“夜班护士长”梁晓敏：守住生命的最后一道防线")
    assert article.authors == ("黄思婷", "陈秋华", "李敏")
    assert article.editors == ("张雨",)  # under the disclaimer and the follow prompt


APP_SHARE = """某新闻
打开APP

某医院“无陪护病房”扩至12个病区 家属不用再打地铺了

某新闻客户端 记者 林晓 通讯员 郑洁 钱语
2023-10-18 07:12 浙江
已有 2.3万 人阅读　　＋关注

10月17日，在某市第一人民医院老年病科，市民王女士看着护理员为母亲翻身拍背。

展开全文 ∨
评论（128）
"""


def test_an_app_share_with_its_post_line_reading_count_and_tools():
    [article] = parse_text(APP_SHARE)
    assert article.title == "某医院“无陪护病房”扩至12个病区 家属不用再打地铺了" and article.subtitle is None
    assert (article.source, article.authors) == ("某新闻客户端", ("林晓", "郑洁", "钱语"))
    assert str(article.published) == "2023-10-18"
    assert article.body == "10月17日，在某市第一人民医院老年病科，市民王女士看着护理员为母亲翻身拍背。"


def test_a_press_releases_running_head_is_metadata():
    [article] = parse_text("某医院党委宣传部　　新闻通稿　　2023年10月24日\n\n某医院成功实施活体肝移植\n\n文/通讯员 何晓敏\n\n10月20日，"
                           "某医院儿科监护病房里，女童已能在护士逗弄下咯咯直笑。\n")
    assert (article.title, str(article.published), article.authors) == ("某医院成功实施活体肝移植", "2023-10-24", ("何晓敏",))
