"""Page furniture a web page leaves in its text, read by the shape and place of each piece.

Round 9 (issue 9). The pages of other sites put the same furniture in other shapes than the
ones the line rules of ``clean`` and ``debris`` know, so this pass reads what a piece *is*:

* credits of a photo or chart (``(实习生 周梅摄)``, ``新华社记者 刘彬 摄``, ``(当代中国制图)``,
  ``图/新华社``, ``井娇摄影报道``) wherever they stand in a line, and the caption they close when
  what is left of the line is a caption's shape (short, no sentence); a caption marked by its
  △/▲ marker; a row of space-parted scene captions (会议现场 县政协副主席…主持开幕式 …); a figure's
  label (图1…/圖12017年…构成(%)); a photo reference (如图) and a video link (点击收看视频：);
* e-paper furniture: a pager counting the paper's pages (下一版»本期共4版, 当前第1版 PDF) and
  the column tag glued after it (【图片新闻】), a jump line (下转第四版), a page-break marker;
* after the body's last sentence: a comment box (评论(0, 0 / 255, 评论成功…), a related-reading
  list under its label, a pipe-parted link row, a line of Latin capitals (the site's name in
  another script);
* bars: a toolbar whose words stand in brackets with a label (【字体：大 中 小】打印), a link bar
  parted by pipes (首页| 国际| 军事| …) with the headline glued to its end, a breadcrumb whose
  first item stood on the line before (>人大工作 >决议决定), a record's labels in one row over
  its values in the next, bracketed labels in a run (``[ 索引号 ] … [ 发文字号 ]``) and pipe
  rows of a record glued on one line (``文件名称 | … | ||索引号 | …``), each with the headline
  or sentence glued after the record kept as a line of its own;
* a bar of empty fields (刊发日期:… 阅读次数: 作者: 语音阅读:), an issue line (总第107期), an
  editor's bracket ([责任编辑:李冠宏 PX246]), a site's mobile-version label, a poster's user name
  (thought1688) in the opening, emoji.

Every piece removed goes to ``dropped`` with its reason (visible with ``d``); chrome pieces are
also added to ``chrome`` so the metadata pass may still read a record's fields.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reporttui.core.model import Dropped
from reporttui.core.text.clean import Line
from reporttui.core.text.headings import numbered
from reporttui.core.text.rejoin import ends_sentence, is_prose
from reporttui.core.text.variants import to_simplified

_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_MARK = re.compile(r"[。！？!?；;，,]")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
# A credit in brackets: who took the photo or made the chart (摄, 摄影, 制图, 供图, 绘图).
_CREDIT_BRACKET = re.compile(
    r"[(（]\s*[^()（）。，,；;！？]{0,30}?\s*(?:摄影|攝影|摄|攝|制图|製圖|供图|供圖|绘图|繪圖)\s*[)）]"
)
# A photo reference in a sentence: (如图), (见下图).
_PHOTO_REF = re.compile(r"[(（]\s*(?:如|见|見)?\s*(?:上|下|左|右|附)?[图圖]\s*[)）]")
# A credit standing free: an agency's or paper's reporter and a spaced name before 摄, or a name
# before 摄影报道; after a sentence end, a space or at a line's start.
_CREDIT_WHO = (
    r"(?:[\u4e00-\u9fff]{2,4}社|本报|本報|本台)?\s*(?:特约|特約)?(?:摄影)?"
    r"(?:记者|記者|采访人员|採訪人員|通讯员|通訊員|实习生|實習生)\s*"
)
_CREDIT_FREE = re.compile(
    r"(?:(?<=[。！？!?\s*|”’])|^)(?:"
    # spaced: 新华社记者 刘彬 摄 (whatever follows: a glued paragraph, pagebreak)
    + _CREDIT_WHO
    + _NAME
    + r"(?:\s+"
    + _NAME
    + r"){0,3}\s+(?:摄|攝)"
    # unspaced, closing the line: 本報記者 呂建榮攝
    + r"|"
    + _CREDIT_WHO
    + _NAME
    + r"(?:\s+"
    + _NAME
    + r"){0,3}(?:摄|攝)(?=$|\s|pagebreak)"
    # a name before 摄影报道, closing the line
    + r"|"
    + _NAME
    + r"(?:摄影报道|攝影報道)(?=$|\s))"
)
# 图/新华社: a picture's source after a caption or on its own line.
# (round 14) An e-paper's page label alone (00002版:要闻, A03版：时政), a jump to its pages
# (>>>02-05版), its name over the page (浙江日报 数字报纸).
_PAGE_LABEL = re.compile(
    r"^(?:[A-Z]?\d{1,5}\s*版\s*[:：]\s*[\u4e00-\u9fff]{1,8}"
    r"|[>＞»]{1,3}\s*[A-Z]?\d{1,3}(?:\s*[-—–~～至]\s*[A-Z]?\d{1,3})?\s*版)$"
)
_PAPER_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,8}(?:报|報)\s*(?:数字报纸|數字報紙|数字报|數字報|电子版|電子版|电子报|電子報)$"
)
_PICTURE_BRACKET = re.compile(r"\s*[(（]\s*[图圖]\s*[/／]\s*[^()（）/／。，]{1,16}?\s*[)）]")
# (round 14) A news desk's byline alone: a desk or a reporter, a slash, where it was written and
# 报道 (大陸中心 / 綜合報導, 記者王小明／台北報導).
_DESK_BYLINE = re.compile(
    r"^[\u4e00-\u9fff·]{2,10}\s*[/／]\s*[\u4e00-\u9fff]{0,6}(?:報導|报道|報道|编译|編譯)$"
)
_PICTURE_SOURCE = re.compile(r"(?:(?<=[。！？!?\s])|^)[图圖]\s*/\s*[\u4e00-\u9fff]{2,10}$")
_PAGEBREAK = re.compile(r"\s*(?:\[?pagebreak\]?|\[page\])\s*$", re.IGNORECASE)
_VIDEO_LINK = re.compile(
    r"点击(?:收看|观看|播放)(?:视频)?\s*[:：]?|點擊(?:收看|觀看|播放)(?:視頻)?\s*[:：]?"
)
_READ_MORE = re.compile(r"\s*(?:阅读全文|閱讀全文|查看全文|阅读原文|閱讀原文)\s*[>＞»]{1,3}\s*$")
# A caption's marker (△ 县长…作报告, ▲…).
_CAPTION_MARK = re.compile(r"^[△▲▼▽↑↓]\s*")
# A figure's label: 图1…, 圖12017年…構成(%), 表2…; a caption, no sentence.
_FIGURE = re.compile(r"^[图圖]\s*\d{1,2}(?:\s|[:：.、]|(?=[\u4e00-\u9fff\d]))")
# E-paper furniture: the paper's pages, its PDF, the page list.
_EPAPER = re.compile(
    r"^(?:\s*(?:上一版|下一版|本期共\s*\d{1,3}\s*版|当前第\s*[A-Z]?\d{1,3}\s*版|當前第\s*[A-Z]?\d{1,3}\s*版"
    r"|第\s*[A-Z]?\d{1,3}\s*版|版面导航|版面導航|往期回顾|PDF(?:版|下载)?|[«»‹›<>|｜/，,、]+)\s*)+"
)
_EPAPER_WORD = re.compile(r"版|PDF")
_COLUMN_TAG = re.compile(r"^\s*【[^【】]{2,8}】\s*")
_JUMP = re.compile(
    r"\s*[(（]\s*(?:下转|上接|转|接|紧接|下轉|上接|轉)\s*第?\s*[一二三四五六七八九十\dA-Z]{1,3}\s*版\s*[)）]"
)
# The comment box after an article.
_COMMENT = re.compile(
    r"^(?:评论\s*[(（]\s*\d*\s*[)）]?|\d{1,4}\s*/\s*\d{2,4}|(?:发表|查看|我要|网友|全部|最新)评论.{0,20}"
    r"|评论成功.{0,30}|.{0,20}请等待管理员审核.{0,10}|本评论观点只代表网友个人观点.{0,30}"
    r"|请\s*您\s*评\s*论.{0,30}|显示更多.{0,20}|已有\s*\d+\s*(?:人|条)评论.{0,10})$"
)
# The label of a related-reading list.
_RELATED = re.compile(
    r"^(?:更多阅读|相关阅读|延伸阅读|推荐阅读|相关新闻|相关报道|相\s*关\s*报\s*道|相关推荐|热点推荐|猜你喜欢"
    r"|相关专题|相關專題|相关文章|图片报道|新闻推荐|新聞推薦|精彩推荐|热门推荐|热门文章)\s*[:：]?\s*(?:[|｜]\s*更多\s*[>＞»]*\s*[|｜]?)?\s*$"
)
_RELATED_TOPIC = re.compile(r"^(?:相关专题|相關專題)\s*[:：]")
_CLICK_LINK = re.compile(r"^(?:点此|点击|點此|點擊)(?:查看|进入|進入|阅读|閱讀|浏览|瀏覽)")
_TOOL_WORDS = (
    "打印本页",
    "关闭窗口",
    "复制链接",
    "返回顶部",
    "语音播报",
    "字体",
    "字号",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "默认",
    "放大",
    "缩小",
    "纠错",
    "本页",
    "窗口",
    "大",
    "中",
    "小",
)
_TOOL_STRIP = re.compile(r"[\s【】\[\]［］()（）:：|｜/·•]+")
_LATIN_CAPS = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,}){1,8}$")
_CRUMB = re.compile(r"^[>＞»›]\s*[^\s>＞»›]{1,12}(?:\s*[>＞»›]\s*[^\s>＞»›]{1,12})+\s*$")
# Field labels of a government page's record of the document.
_RECORD_WORDS = frozenset(
    (
        "索引号",
        "索取号",
        "主题分类",
        "发文机关",
        "发文机构",
        "发布机构",
        "成文日期",
        "发布日期",
        "发布时间",
        "发文字号",
        "文号",
        "标题",
        "名称",
        "文件名称",
        "主题词",
        "有效性",
        "公开方式",
        "公开形式",
        "公开范围",
        "公开目录",
        "公开日期",
        "公开责任部门",
        "生成日期",
        "所属机构",
        "组配分类",
        "体裁分类",
        "发布单位",
        "信息来源",
        "文件编号",
        "公开时限",
        "备注",
        "来源",
        "内容概述",
        "责任部门",
        "分类",
        # (round 14) a law database's record of a statute (发布部门, 发布文号, 时效性, 效力级别)
        "发布部门",
        "发布文号",
        "时效性",
        "效力级别",
        "效力等级",
        "实施日期",
        "施行日期",
        "颁布日期",
        "失效日期",
        "法规类别",
        "制定机关",
    )
)
# A record's labels that name the document itself (its title may be read from them).
_NAMING_WORDS = frozenset(("标题", "名称", "文件名称"))
_INDEX_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-Z]{9,18}\s*/\s*(?:19|20)\d\d\s*-\s*\d{3,6}(?!\d)"
)
_BRACKET_FIELD = re.compile(r"[\[［【]\s*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,6})\s*[\]］】]")
_DATE_VALUE = re.compile(
    r"^\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_EMPTY_FIELD = re.compile(r"([\u4e00-\u9fff]{2,5})\s*[:：]\s*(?=$|[\u4e00-\u9fff]{2,5}\s*[:：]|\s)")
_ANY_FIELD = re.compile(r"[\u4e00-\u9fff]{2,5}\s*[:：]")
# (round 12) A government record's fields as label: value, the labels' characters often spaced
# (索 引 号：…分 类：…发布机构：… glued on one line, or • 索 引 號：QZ…-00210 alone).
_SPACED_LABEL = re.compile(r"((?:[\u4e00-\u9fff]\s?){1,6}[\u4e00-\u9fff])\s*[:：]")
_ID_LABELS = frozenset(("索引号", "索取号", "文号", "发文字号", "文件编号"))
_TRAD_LABEL = str.maketrans("號發機構稱類題", "号发机构称类题")
_ISSUE = re.compile(r"总第\s*\d{1,5}\s*期|總第\s*\d{1,5}\s*期")
_EDITOR = re.compile(
    r"\s*[【\[［(（]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編|网站编辑|網站編輯)\s*[:：][^】\]］)）]{1,24}[】\]］)）]\s*$"
)
_MOBILE_LABEL = re.compile(
    r"^[•·●\s]*[\u4e00-\u9fffA-Za-z]{2,10}(?:移动版|移動版|手机版|手機版|触屏版|觸屏版)\s*$"
)
_USER_NAME = re.compile(
    r"^(?=[A-Za-z0-9_]*[A-Za-z]{3})(?=[A-Za-z0-9_]*\d)[A-Za-z][A-Za-z0-9_]{5,19}$"
)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u200d]|[\u2600-\u27bf\u2b00-\u2bff]\ufe0f|\ufe0f")
_STAMP_SOURCE = re.compile(
    r"^(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源|來源)\s*[:：]"
)
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]")
# A page number after a headline (…将亮相( 四 )).
_PAGE_NUMBER = re.compile(r"(?<=\S)\s*[(（]\s+[一二三四五六七八九十\d]{1,3}\s+[)）]$")
_UPDATE_NOTE = re.compile(
    r"\s*[(（【\[]\s*(?:(?:19|20)\d\d\s*年?\s*)?(?:最新)?(?:更新|修订|修訂|整理|最新版|完整版|全文版)版?\s*[)）】\]]$"
)
_TAB_BAR = re.compile(r"(?:\s+[\u4e00-\u9fff]{2,4}){3,6}$")
# A forum's anti-copy noise: a run of one- to three-character ASCII scraps with symbols between
# words (. G! E. ] z$ f' }8 …), inserted to spoil copying.
_NOISE = re.compile(
    r"(?:^|(?<=[\u3400-\u9fff。，！？：；”]))\s*(?:[!-~]{1,3}\s+){4,}[!-~]{1,3}(?=[\u3400-\u9fff“]|\s*$)"
)
_NOISE_SYMBOL = re.compile(r"[!-/:-@\[-`{-~]")
_TEASER = re.compile(r"[^。！？]\.{3,}|[^。！？]…{1,2}(?!”)")
# A login wall: (阅读全部图文内容,您需要先登录!), 查看隐藏内容(*)需先登录.
_LOGIN = re.compile(
    r"[(（][^()（）]{0,24}(?:需要?先?登录|请先?登录|登录后)[^()（）]{0,8}[)）]"
    r"|(?:查看|阅读|下载)[^。！？]{0,12}?(?:需|请|须)要?先?登录[!！]?"
)
_SCENE_LINE = re.compile(r"[\u4e00-\u9fff、·“”]{2,30}")
_SCENE_OPENING = 20  # captions of a news item's photos stand in its opening, not deep in a report
_CREDIT_HINT = re.compile(r"[摄攝]|[制製供绘繪][图圖]")
_TOOL_HINT = re.compile(r"打印|字[体体號号體]|关闭|關閉|收藏|分享")
_RELATED_HINT = re.compile(
    r"阅读|閱讀|相\s*[关關]|推[荐薦]|[报報]\s*道|[专專][题題]|喜[欢歡]|[热熱][门門点點]"
)
_EMOJI_HINT = re.compile("[\U0001f000-\U0001faff\ufe0f]")
# Rare characters the inline pieces need: with the checks of ``_hinted``, tells most lines apart.
_HINT_CHARS = re.compile("[\U0001f000-\U0001faff\ufe0f版>＞»摄攝登点點编編责責图圖aA\\[]")
_RARE = re.compile("[\U0001f000-\U0001faff\ufe0f版>＞»摄攝登]")
_WIRE_TITLE = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,6}社|[\u4e00-\u9fff]{2,8}(?:网|報|报|台))?[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日[电電])"
    r"\s*[题題]\s*[:：]\s*(\S.{4,80})$"
)
_REPORTERS = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}社|本报|本報)(?:记者|記者)(?:\s+[\u4e00-\u9fff·]{2,4}){1,5}$"
)
# (round 11) A group's label standing as a photo's caption in session news (蓉城代表团, 后宅镇代表团).
_GROUP = r"[\u4e00-\u9fff·]{2,12}(?:代表团|代表團|代表组|代表組|界别|界別)"
_GROUP_ROW = re.compile(rf"^{_GROUP}(?:\s+{_GROUP}){{0,4}}$")
_GROUP_INLINE = re.compile(rf"(?<=[。！？”])\s+{_GROUP}\s+(?=\S)")
# A photo's caption: a person's place in the picture ((中), （左二）) or a 图为 sentence.
_POSITION = re.compile(r"[(（](?:左|右|中|前排?|后排?|後排?)\s*[一二三四五六七八九\d]?[)）]")
_PICTURE_IS = re.compile(r"[。！？]\s*(?:图为|圖為|图中|圖中)[^，,；;。！？]{2,40}。?$")
# A site's address and a timestamp alone on a line (//www.mqxww.com 2023-12-21 08:38:59).
_URL_STAMP = re.compile(
    r"^(?:https?:)?//[\w.\-/]+\s+(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_COPYRIGHT = re.compile(
    r"Copyright|©|All Rights Reserved|版权所有|版權所有|著作权|著作權|转载请注明|轉載請注明"
    r"|未经[^。，,]{0,12}授权|未經[^。，,]{0,12}授權",
    re.IGNORECASE,
)
_FILE_NAMES = re.compile(r"^(?:[^\s。！？]{2,60}\.(?:docx?|xlsx?|pdf|wps|rar|zip)\s*)+$", re.I)
# A note in brackets alone on its line after a sentence: (本文有删减), (此件公开发布).
_BRACKET_NOTE = re.compile(r"^[(（][^()（）\d〇零。！？，,；;：:]{4,20}[)）]$")
_DATE_IN_NOTE = re.compile(r"[年月].{0,3}[月日]")
_SIGNED_DATE = re.compile(r"^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# Prompts of a page's widgets: scan, long-press, tap, load, share, follow.
_PROMPT = re.compile(
    r"扫码|掃碼|扫一扫|掃一掃|长按|長按|轻触|輕觸|轻点|輕點|加载下一|加載下一"
    r"|分享[让讓给給]|关注我们|關注我們"
)
_SOURCE_NOTE = re.compile(r"^(?:转自|轉自|责任编辑|責任編輯|责编|責編)\s*[:：]\s*\S{2,20}$")
# Inside a line: a link word in brackets after a sentence ([详细]), a prompt pointing down at
# what follows (…带你快速了解↓), the editor's name closing the line.
_MORE_LINK = re.compile(r"(?<=[。！？”])\s*[\[［【](?:详细|詳細|详情|詳情|更多|全文)[\]］】]")
_END_LABEL = re.compile(
    r"(?<=[。！？])\s*[^。！？\s]{0,8}(?:导读|導讀|速览|速覽|划重点|劃重點)\s*[:：]$"
)
_DOWN_PROMPT = re.compile(r"(?<=[。！？”])[^。！？\s]{2,30}[↓⬇]")
_EDITOR_END = re.compile(
    r"(?:^|(?<=[。！？\s]))(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:\s+[\u4e00-\u9fff·]{2,4}){0,2}\s*$"
)
# A name and 摄 glued after a caption's sentence, the paragraph going on (开幕。邵阳 摄根据…).
_CREDIT_AFTER = re.compile(
    r"(?<=[。！？])\s*(?:[\u4e00-\u9fff]{1,5}(?:网|網|社|报|報|台))?[\u4e00-\u9fff·]{2,4}\s+(?:摄|攝)"
    r"(?=[\u4e00-\u9fff“]|\s|$)"
)
# The opening's widgets: a skip link, the portal's home link, a search bar with its hot words,
# a news app's lead-in label, an e-paper's pager without a page count.
_SKIP_LINK = re.compile(r"^(?:跳过|跳過|跳至|跳到)(?:导航|導航|主要内容|主要內容|正文)$")
_HOME_LINK = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:首页|首頁)$")
_SEARCH_BAR = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:搜索|热搜|熱搜|热门|熱門|热词|熱詞|标签|標籤|关键词|關鍵詞)\s*[:：]\s*"
    r"(?:\S{1,6}\s+)+\S{1,6}$"
)
_LEAD_LABEL = re.compile(
    r"^[\w\u4e00-\u9fff]{0,8}(?:导读|導讀|导语|導語|速览|速覽|划重点|劃重點)\s*[:：]?$"
)
_REPORT_CREDIT = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:报道|報道)$")
# A copy site's piece number (篇1, 第1篇 before the piece's title) and its lead-in addressed
# to the reader (導語：如何才能寫好…歡迎閱讀由…整理的十篇范文).
_PIECE_NUMBER = re.compile(r"^(?:篇\s*\d{1,2}|第\s*\d{1,2}\s*篇)$")
_PIECE_PREFIX = re.compile(r"^第\s*\d{1,2}\s*篇\s+(?=\S{6})")
_SITE_LEAD = re.compile(r"^(?:导语|導語|导读|導讀)\s*[:：]")
_SITE_VOICE = re.compile(
    r"欢迎阅读|歡迎閱讀|希望对你|希望對你|希望给你|希望給你|仅供参考|僅供參考|由我整理|小编|小編"
)
# The page's own timestamp alone on a line (05/03/2026 13:49) and a date bar of a portal's
# header (date 2026-03-05 • 會員).
_STAMP_ONLY = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?$"
)
_DATE_BAR = re.compile(r"^[A-Za-z]{1,6}\s*(?:19|20)\d\d-\d\d-\d\d\s*(?:[•·|]\s*\S{1,4}\s*)*$")
_PAGER_WORDS = re.compile(r"上一版|下一版|版面导航|版面導航|本版标题导航|本版標題導航")
# A location bar glued before the headline (当前页面：首页区人大代表…, 聯盟導讀您現在的位置：首 頁
# -- 聯盟導讀每天…): the bar and its channel go, the headline stays.
_CRUMB_HEAD = re.compile(
    r"^([\u4e00-\u9fff]{2,6})?(?:当前页面|當前頁面|当前位置|當前位置|您当前的位置|您當前的位置|您现在的位置"
    r"|您現在的位置|您的位置|所在位置)\s*[:：]\s*(?:首\s*页|首\s*頁|网站首页|網站首頁)\s*"
    r"(?:(?:>|＞|»|›|--|-|/)\s*)?"
)
_FOLLOW_NOTE = re.compile(r"[(（][^()（）]{0,10}(?:关注|關注)\s*[:：][^()（）]{1,16}[)）]")
_LINK_ITEM_MAX = 6
# (round 14) A production credit: staff roles, each with its people (编辑 | 李念辉,
# 文案：郭慧岩后期：张 琳海报：张 琳, 編輯 曾淑花 袁鳳云 二審 朱暉 三審 陳浩勤, (撰稿：何青 审核：刘敏)),
# read on the Simplified form of the line. A name is 2-4 characters (or two parted by spaces).
_ROLE = (
    r"(?:责任编辑|值班编辑|网站编辑|执行编辑|编辑|责编|美编|编审|审核|审校|审稿|校对|初审|一审|二审"
    r"|三审|终审|复审|撰稿|撰文|文案|后期|海报|摄影|摄像|记者|通讯员|实习生|监制|策划|统筹|主编|剪辑"
    r"|配音|排版|制图)"
)
_CREDIT_NAME = (
    r"(?:[\u4e00-\u9fff]\s{1,3}[\u4e00-\u9fff](?![\u4e00-\u9fff]\s)|[\u4e00-\u9fff·]{2,4})"
)
_CREDIT_PAIR = re.compile(
    rf"{_ROLE}(\s*[:：|｜/]\s*|\s+)({_CREDIT_NAME}(?:[\s、，,/]+{_CREDIT_NAME})*?)"
    rf"(?=[\s?？、，,|｜/]*(?:{_ROLE}(?:\s*[:：|｜/]|\s)|[)）\]】]?\s*$))[\s?？、，,|｜/]*"
)
_CREDIT_ROLE_HINT = re.compile(
    r"[责責值网網执執编編美審审校初一二三终終复復撰文后後海摄攝记記通实實监監策统統主剪配排制製]"
)
_BYLINE_ROLE = re.compile(r"^[(（【\[]?\s*(?:记者|通讯员|实习生|摄影|编辑|责任编辑)\s")
_CREDIT_OPEN = re.compile(r"[(（【\[]\s*")
_CREDIT_CLOSE = re.compile(r"[)）】\]]\s*$")
_CREDIT_GLUED = re.compile(r"(?<=[。！？”])\s*(?=[(（]?\s*" + _ROLE + r")")


# (round 14) A page's counters alone on a line: a label and its count, one pair or more
# (浏览(4308, 阅读量：1234, 阅读 10万+ 在看 56 点赞 12), read on the Simplified form.
_COUNTER_PAIR = (
    r"(?:浏览|阅读|点击|访问|在看|点赞|赞|分享|转发|收藏|评论|留言|人气|热度)(?:量|数|次数|人次|率)?"
    r"\s*[:：(（]?\s*\d[\d,，.]*\s*(?:万\+?|\+)?\s*(?:次|人次)?\s*[)）]?"
)
_COUNTER_LINE = re.compile(rf"^[\s|｜•·]*{_COUNTER_PAIR}(?:[\s|｜•·/]+{_COUNTER_PAIR})*[\s|｜]*$")
_COUNTER_HINT = re.compile(r"[览覽读讀击擊问問看赞讚享发發藏评評言气氣度]")


# (round 14) A 统计公报's chart and table captions glued before the paragraph the chart stood
# by (图1 2015-2019年全县生产总值及其增长速度 图2 …构成 单位：%据2019年人口抽样调查，…): each
# caption a figure's or table's number, a year or span of years and a short title, ended by
# a space, the next caption, or its unit.
_UNIT = (
    r"(?:%|‰|人次|万人次|[万亿千百]?(?:元|美元|人|户|吨|公顷|亩|千瓦时|公里|平方米|立方米|辆|个|家|件"
    r"|头|只|所|床))"
)
_GLUED_CAPTION = re.compile(
    r"[图表圖]\s*\d{1,2}\s*(?:19|20)\d\d(?:\s*[-—–～~至]\s*(?:19|20)\d\d)?\s*年"
    r"[^\s。，,；;！？!?：:]{2,40}?"
    rf"(?:\s*(?:单位|單位)\s*[:：]\s*{_UNIT}|(?=\s|[图表圖]\s*\d))\s*"
)


def _glued_captions(ln: Line, dropped: list[Dropped]) -> None:
    """(round 14) Cut the chart and table captions opening a line off the paragraph glued after
    them (the paragraph: ten characters or more with a sentence mark), into ``dropped``."""
    t = ln.text
    pieces: list[str] = []
    pos = 0
    while (m := _GLUED_CAPTION.match(t, pos)) is not None:
        pieces.append(m.group(0).strip())
        pos = m.end()
    rest = t[pos:]
    if not pieces or len(rest) < 10 or not re.search(r"[。，,；;]", rest):
        return
    dropped.extend(Dropped(x, "figure caption", ln.line) for x in pieces)
    ln.text = rest


def _credit_run(s: str, pos: int) -> tuple[int, bool, int] | None:
    """The credit pairs from ``pos`` to the end of ``s`` (Simplified): (pairs, every role parted
    from its names by a colon, pipe or slash, most names of one role), or None when what runs to
    the end is not credits alone."""
    pairs = 0
    marked = True
    most = 0
    bracket = _CREDIT_OPEN.match(s, pos)
    if bracket:
        pos = bracket.end()
    while pos < len(s):
        m = _CREDIT_PAIR.match(s, pos)
        if m is None:
            break
        pairs += 1
        marked = marked and bool(m.group(1).strip())
        most = max(most, len(re.findall(_CREDIT_NAME, m.group(2))))
        pos = m.end()
    if not pairs:
        return None
    rest = s[pos:]
    if bracket:
        if not _CREDIT_CLOSE.fullmatch(rest):
            return None
    elif rest.strip():
        return None
    return pairs, marked, most


def _credit_line(t: str) -> bool:
    """(round 14) The line is a production credit alone: two roles or more, one role marked off
    from its names (编辑 | 李念辉, 通讯员：谷慧文), or one role with two names or more."""
    if len(t) > 80 or not _CREDIT_ROLE_HINT.match(t.lstrip("(（【[ ")):
        return False  # (a credit opens on its first role: 编, 审, 記…)
    if re.search(r"[。！!；;]", t):
        return False
    found = _credit_run(to_simplified(t), 0)
    if found is None:
        return False
    pairs, marked, most = found
    return pairs >= 2 or marked or (most >= 2 and _BYLINE_ROLE.match(to_simplified(t)) is not None)


def _credit_tail(ln: Line, dropped: list[Dropped]) -> None:
    """(round 14) A production credit glued after the line's last sentence ((撰稿：何青 审核：刘敏),
    。编辑：王某 审核：李某): cut off into ``dropped``; a bracketed one or one whose roles are marked
    off by a colon or pipe."""
    t = ln.text
    tail = t[-60:]
    if not (
        _CREDIT_ROLE_HINT.search(tail)
        and (tail[-1:] in ")）" or "：" in tail or ":" in tail or "|" in tail or "｜" in tail)
    ):
        return
    s = to_simplified(t)
    for m in _CREDIT_GLUED.finditer(s, max(0, len(s) - 60)):
        found = _credit_run(s, m.end())
        if found is None:
            continue
        bracketed = s[m.end() : m.end() + 1] in "(（"
        if bracketed or found[1]:
            dropped.append(Dropped(t[m.end() :].strip(), "byline", ln.line))
            ln.text = t[: m.start()].rstrip()
        return


_OPENING = 8


def drop_furniture(lines: list[Line], dropped: list[Dropped], chrome: list[str]) -> list[Line]:
    """Remove the page furniture listed in the module docstring; returns the kept lines."""
    if not lines:
        return lines
    drop: dict[int, str] = {}
    credit_only = [i for i in _candidates(lines) if _inline(lines[i], dropped)]
    for i in credit_only:
        # (held19) The chart's or photo's label on the line over its credit (2024政府工作报告01
        # over (当代中国制图)): a caption, not a heading of the text.
        prev = lines[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.text
            and not prev.md_level
            and not prev.cells
            and _caption_shaped(prev.text)
            and len(prev.text) <= 24
            and re.search(r"\d", prev.text)
        ):
            dropped.append(Dropped(prev.text, "photo caption", prev.line))
            prev.text = ""
    for ln in lines:
        if not ln.md_level and not ln.cells:
            _inline_r11(ln, dropped)
            if ln.text.count(" ") >= 4 and _ASCII_NOISE.search(ln.text):
                _ascii_noise(ln, dropped)
            if "??" in ln.text:
                while (m := _DECODE_SCRAP.search(ln.text)) is not None:
                    _cut(ln, m, "debris", dropped)
            if ln.text:
                _credit_tail(ln, dropped)
            if ln.text[:1] in "图表圖" and ln.text[1:2] in " 0123456789":
                _glued_captions(ln, dropped)
    _running_heads(lines, dropped)
    bar_items: set[str] = set()
    lines = _split_records(lines, dropped, chrome, bar_items)
    _bullet_menu(lines, dropped, chrome, bar_items)
    _headline_marks(lines, dropped)
    _lone_dateline(lines, dropped)
    _run_on_tail(lines, dropped)
    last = _last_sentence(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            drop[i] = "page chrome"
            continue
        if ln.md_level or ln.cells or len(t) > 200:
            continue
        reason = _line_reason(lines, i, last)
        if (
            reason is None
            and bar_items
            and last >= 0
            and i > last
            and len(t) <= 12
            and "".join(t.split()) in bar_items
        ):
            reason = "web chrome"  # (pages19) the channel's name closing the article, a menu link
        if reason:
            drop[i] = reason
    _voice_copies(lines, drop, dropped)
    _record_block(lines, drop)
    _article_record(lines, drop, dropped)
    _scene_runs(lines, drop)
    _tab_lines(lines, drop)
    _nav_lists(lines, drop)
    _header_tabs(lines, drop)
    _headline_copy(lines, drop)
    _operator_rows(lines, drop)
    _opening_labels(lines, drop)
    _closing_name(lines, drop, dropped)
    _glued_attachment(lines, drop, dropped)
    return _apply(lines, drop, dropped, chrome)


# (round 16) What a copy of the headline carries besides it: a site's tail after a separator
# (标题 - 天天要闻 国际, 标题_某某网) or a location bar's crumbs before it (某某网 资料文库 标题).
_COPY_WORD = r"[^\s。！？!?，,；;：:、]{1,8}"
_COPY_TAIL = re.compile(rf"^(?:\s+[-–—|｜]\s*|\s*[_｜|]\s*){_COPY_WORD}(?:\s+{_COPY_WORD}){{0,2}}$")
_COPY_CRUMBS = re.compile(rf"^{_COPY_WORD}(?:\s+{_COPY_WORD}){{0,3}}\s+$")
_COPY_TEASER = re.compile(r"^\s+[^。！？!?\s][^。！？!?]{1,39}(?:…|\.{3})$")
_COPY_LINES = 3


def _headline_copy(lines: list[Line], drop: dict[int, str]) -> None:
    """(round 16) A copy of the headline over the headline itself, in the text's opening, with
    the site's name after it or its crumbs before it (the page's <title> or location bar saved
    with the article): the line holds the next line whole (6 characters or more) at its start
    or its end, and the rest is only that tail or those crumbs; or, under the headline, a copy
    of it with the start of the text cut off by an ellipsis (a listing's teaser: 标题 各区(市)县
    政府(管委会…). The copy goes; the headline line stays."""
    opening = [i for i in range(len(lines)) if lines[i].text and i not in drop][:_COPY_LINES]
    for i, j in pairwise(opening):
        line, head = lines[i], lines[j]
        if line.md_level or line.cells or head.cells or len(head.text) < 6:
            continue
        t, h = line.text, head.text
        tail = t.startswith(h) and _COPY_TAIL.match(t[len(h) :]) is not None
        if tail or (t.endswith(h) and _COPY_CRUMBS.match(t[: -len(h)]) is not None):
            drop[i] = "headline copy"
        elif len(t) >= 6 and h.startswith(t) and _COPY_TEASER.match(h[len(t) :]):
            drop[j] = "headline copy"  # a listing's entry: the headline and its cut-off teaser


# (round 16) A portal's operator record (开办：某某市人民政府 / 主办：…办公室 / 承办：…中心), each
# field a line of its own, and the address and registration lines beside it.
_OPERATOR_ROW = re.compile(
    r"^(开办|主办|承办|协办|主管|运维|运行维护|技术支持)(?:单位)?\s*[:：]\s*[^\s，,。；;：:]{2,30}$"
)
_OPERATOR_NEXT = re.compile(r"^(?:地址|网站标识码|网站识别码)\s*[:：]?\s*\S.{0,40}$|ICP备|公网安备")


def _operator_rows(lines: list[Line], drop: dict[int, str]) -> None:
    """(round 16) A site's operator record standing in the text (a page that prints its footer
    between two copies of the article): three or more lines in a row, each one operator field
    (开办/主办/承办… and an organisation, nothing else), of at least two kinds, closed by the
    site's address or registration line (地址：…, 网站标识码…, ICP备…): all go. An event's
    organisers (主办：县委宣传部 / 承办：县文联 / 协办：… over 时间：/地点：) have neither under
    them, and a task's lead units (主办：市水务局，各县…) list several bodies: both stay."""
    i, n = 0, len(lines)
    while i < n:
        k = i
        kinds: set[str] = set()
        while k < n and not lines[k].md_level and (m := _OPERATOR_ROW.match(lines[k].text)):
            kinds.add(m.group(1))
            k += 1
        if k - i >= 3 and len(kinds) >= 2:
            end = k
            while end < n and end - k < 3 and _OPERATOR_NEXT.search(lines[end].text):
                end += 1
            if end > k:
                for j in range(i, end):
                    drop.setdefault(j, "site record")
            k = end
        i = max(k, i + 1)


_FULL_STOP = re.compile(r"[。！？!?]")
_LABEL_RUN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_CONTACT_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:电话|電話|热线|熱線)\s*[:：]?$")
_DIVISION_BAR = re.compile(
    r"^[^\s:：。，,]{2,10}[:：]\s*(?:[\u4e00-\u9fff]{1,4}(?:街道|镇|鎮|乡|鄉|区|區|县|縣|市|旗)\s+){4,}"
    r"[\u4e00-\u9fff]{1,4}(?:街道|镇|鎮|乡|鄉|区|區|县|縣|市|旗)$"
)
_PHONE_ONLY = re.compile(r"^(?:\+?\d[\d\-— ]{5,18}\d)(?:\s+\+?\d[\d\-— ]{5,18}\d){0,3}$")


def _opening_labels(lines: list[Line], drop: dict[int, str]) -> None:
    """(round 16) Widgets printed in the text's opening, before its first sentence: three to six
    lines of two to four characters in a row (a search box's 搜索位置 / 匹配度 / 排序, a page's
    tabs) with only a site's name over them and a longer line under them; a label over five or
    more divisions parted by spaces (a portal's bar of its towns' sub-sites, 乡镇(街道)分站：
    苏湾镇 栏杆集镇 …); and a contact label alone over a line of phone numbers only (an ad's
    洽谈电话 / 400-…). A contact line after the text has begun (a notice's 联系电话：…) is the
    text's."""
    first = next((i for i, ln in enumerate(lines) if _FULL_STOP.search(ln.text)), len(lines))
    top = min(first, _OPENING, len(lines))
    i = 0
    while i < top:
        k = i
        while k < top and k not in drop and _LABEL_RUN_WORD.fullmatch(lines[k].text):
            k += 1
        if (
            3 <= k - i <= 6
            and k < len(lines)
            and len(lines[k].text) >= 4
            and all(
                j in drop or (len(lines[j].text) <= 8 and not _SENTENCE_MARK.search(lines[j].text))
                for j in range(i)
            )
        ):
            for j in range(i, k):
                drop[j] = "web chrome"
        i = max(k, i + 1)
    for i in range(top):
        if i not in drop and _DIVISION_BAR.match(lines[i].text):
            drop[i] = "web chrome"
    for i in range(max(0, top - 1)):
        if (
            i not in drop
            and _CONTACT_LABEL.match(lines[i].text)
            and _PHONE_ONLY.match(lines[i + 1].text)
        ):
            drop[i] = "contact row"
            drop[i + 1] = "contact row"


_NEWS_MARK = re.compile(r"^[【\[(（]?\s*(?:本报讯|本報訊)")
_CLOSING_NAME = re.compile(r"(?<=[。！？”])\s*[\u4e00-\u9fff]{2,3}$")
_CLOSING_WORD = re.compile(r"[此特复復函告讯訊完]")
_GLUED_ATTACHMENT = re.compile(r"(?<=[。！？”])\s*(?:附件|附件下载|附件下載)\s*[:：]?$")


def _closing_name(lines: list[Line], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """(round 16) A newspaper item's reporter named after its last sentence with nothing between
    (…贡献政协智慧和力量。邵桢): the byline, when the item opens as the paper's own news
    (本报讯 on one of its first lines). A formal closing (此复, 特此函) is no name."""
    kept = [i for i in range(len(lines)) if i not in drop and lines[i].text]
    if not kept or not any(_NEWS_MARK.match(lines[i].text) for i in kept[:3]):
        return
    ln = lines[kept[-1]]
    m = _CLOSING_NAME.search(ln.text) if not (ln.md_level or ln.cells) else None
    if m and not _CLOSING_WORD.search(m.group(0)) and m.start() >= 10:
        _cut(ln, m, "byline", dropped)


def _glued_attachment(lines: list[Line], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """(round 16) An attachment's label glued after the text's last sentence with nothing after
    it (…的报告。 附件: the attachment was not saved): the label goes, as the label alone on the
    text's last line does (``_EMPTY_ATTACHMENT``)."""
    kept = [i for i in range(len(lines)) if i not in drop and lines[i].text]
    if not kept:
        return
    ln = lines[kept[-1]]
    m = _GLUED_ATTACHMENT.search(ln.text) if not (ln.md_level or ln.cells) else None
    if m and m.start() >= 10:
        _cut(ln, m, "attachment", dropped)


def _header_tabs(lines: list[Line], drop: dict[int, str]) -> None:
    """(held23) A portal's header over the page's timestamp, the headline under it (date
    2026-03-05 • 會員 / 大國博弈 / AH股新聞 / 05/03/2026 13:49 / 【兩會解讀】…): the date bar, the
    short tabs and the timestamp are the header's. Only when the line after the timestamp reads
    as a headline (no sentence ends it): a page whose headline stands over its timestamp keeps
    it."""
    k = next((k for k in range(min(_OPENING, len(lines))) if _STAMP_ONLY.match(lines[k].text)), -1)
    if k < 1 or k + 1 >= len(lines):
        return
    head = lines[k + 1].text
    if not (8 <= len(head) <= 80) or ends_sentence(head) or head.endswith(("：", ":")):
        return
    above = range(k)
    if all(
        k2 in drop
        or _DATE_BAR.match(lines[k2].text)
        or (len(lines[k2].text) <= 8 and not _SENTENCE_MARK.search(lines[k2].text))
        for k2 in above
    ):
        for k2 in above:
            drop.setdefault(k2, "web chrome")
        drop[k] = "web chrome"  # the timestamp stays readable for the page's date (chrome)


def _nav_lists(lines: list[Line], drop: dict[int, str]) -> None:
    """(pages19) An e-paper's list of the page's headlines under its label (本版標題導航 / 羅司:…
    / 經屋上調…): the short lines with no sentence under a pager's navigation label."""
    for i in [i for i, r in drop.items() if r == "pager"]:
        t = lines[i].text
        if not ("导航" in t or "導航" in t):
            continue
        k = i + 1
        while (
            k < len(lines)
            and k <= i + 10
            and k not in drop
            and 0 < len(lines[k].text) <= 24
            and not lines[k].md_level
            and not re.search(r"[。；;，,！？!?]", lines[k].text)
        ):
            drop[k] = "page chrome"
            k += 1


def _tab_lines(lines: list[Line], drop: dict[int, str]) -> None:
    """(held18) Three to six lines of two to four characters right under the headline (- 征集公告
    / - 草案内容 / - 起草说明): the page's tabs, not the story."""
    k = 1
    while (
        k < len(lines)
        and k < 8
        and k not in drop
        and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", lines[k].text)
    ):
        k += 1
    if 3 <= k - 1 <= 6 and len(lines[0].text) >= 10 and k < len(lines) and len(lines[k].text) >= 4:
        for j in range(1, k):
            drop[j] = "web chrome"


def _apply(
    lines: list[Line], drop: dict[int, str], dropped: list[Dropped], chrome: list[str]
) -> list[Line]:
    """The lines not in ``drop``; the others go to ``dropped`` (chrome also to ``chrome``)."""
    out: list[Line] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        reason = drop.get(i)
        if reason is None:
            out.append(ln)
            continue
        if ln.text:
            dropped.append(Dropped(ln.text, reason, ln.line))
            if reason in ("page chrome", "web chrome", "headline copy"):
                chrome.append(ln.text)
            elif reason == "record chrome":
                dropped[-1] = Dropped(ln.text, "record fields", ln.line)
                chrome.append(ln.text)
        if out:
            out[-1].blank_after += 1 + ln.blank_before
        elif i + 1 < n:
            lines[i + 1].blank_before += 1 + ln.blank_before
    return out


def _running_heads(lines: list[Line], dropped: list[Dropped]) -> None:
    """(corpus) A newspaper's running head between a story's jump out (下转A3版) and its jump in
    on the next page (上接A2版): short lines there (政府工作报告, a page number) are the page's."""
    jumps = [d for d in dropped if d.reason in ("pager", "layout") and "版" in d.text]
    if not jumps:
        return
    outs = {d.line for d in jumps if "下转" in d.text or "转第" in d.text or "下轉" in d.text}
    ins = {d.line for d in jumps if "上接" in d.text or "接第" in d.text}
    if not outs or not ins:
        return
    for i, ln in enumerate(lines):
        if ln.line not in outs:
            continue
        k = i + 1
        while k < len(lines) and k <= i + 3:
            nxt = lines[k]
            if nxt.line in ins or any(ln.line < x <= nxt.line for x in ins):
                for j in range(i + 1, k + (0 if nxt.text and nxt.line not in ins else 1)):
                    t = lines[j].text
                    if t and len(t) <= 20 and not _SENTENCE_MARK.search(t):
                        dropped.append(Dropped(t, "page header", lines[j].line))
                        lines[j].text = ""
                break
            k += 1


def _candidates(lines: list[Line]) -> list[int]:
    """Lines that may hold an inline piece: a character the pieces need, or four spaces or more
    (anti-copy noise); one cheap search a line."""
    return [
        i for i, ln in enumerate(lines) if _HINT_CHARS.search(ln.text) or ln.text.count(" ") >= 4
    ]


def _hinted(t: str) -> bool:
    """The line may hold an inline piece (cheap checks before the patterns)."""
    if _RARE.search(t):
        return True
    if "点击" in t or "點擊" in t or "编辑" in t or "編輯" in t or "责编" in t or "責編" in t:
        return True
    if "agebreak" in t or "AGEBREAK" in t or "[page]" in t:
        return True
    if ("图" in t or "圖" in t) and ("/" in t or ")" in t or "）" in t):
        return True
    return t.count(" ") >= 4


def _cut(ln: Line, m: re.Match[str], reason: str, dropped: list[Dropped]) -> None:
    """Take the matched piece out of the line, into ``dropped``."""
    dropped.append(Dropped(m.group(0).strip(), reason, ln.line))
    ln.text = (ln.text[: m.start()] + ln.text[m.end() :]).strip()


def _inline(ln: Line, dropped: list[Dropped]) -> bool:
    """Furniture inside a line: credits, photo references, video links, jumps, page breaks.
    True when the line was a credit alone."""
    m: re.Match[str] | None
    t = ln.text
    if not _hinted(t):
        return False  # none of the pieces below can be in the line (most lines of a report)
    if _EMOJI_HINT.search(t) and _EMOJI.search(t):
        found = "".join(_EMOJI.findall(t))
        ln.text = t = _EMOJI.sub("", t).strip()
        dropped.append(Dropped(found, "emoji", ln.line))
    if ln.cells or ln.md_level:
        return False
    if t.count(" ") >= 4 and _NOISE_SYMBOL.search(t):
        for m in reversed(list(_NOISE.finditer(t))):
            scraps = m.group(0).split()
            if sum(1 for x in scraps if _NOISE_SYMBOL.search(x)) >= max(3, len(scraps) // 2):
                _cut(ln, m, "anti-copy noise", dropped)
    if "登录" in t:
        while (m := _LOGIN.search(ln.text)) is not None:
            _cut(ln, m, "web chrome", dropped)
    if "agebreak" in t or "AGEBREAK" in t or "[page]" in t:
        m = _PAGEBREAK.search(t)
        if m:
            _cut(ln, m, "layout", dropped)
    while "版" in ln.text and (m := _JUMP.search(ln.text)) is not None:
        _cut(ln, m, "pager", dropped)
    m = _EPAPER.match(ln.text)
    if m and _EPAPER_WORD.search(m.group(0)) and len(m.group(0).strip()) >= 3:
        _cut(ln, m, "pager", dropped)
        m = _COLUMN_TAG.match(ln.text)
        if m and len(ln.text) - m.end() >= 10:
            _cut(ln, m, "page chrome", dropped)  # the column's tag glued after the pager
    if "点击" in ln.text or "點擊" in ln.text:
        while (m := _VIDEO_LINK.search(ln.text)) is not None:
            _cut(ln, m, "web chrome", dropped)
    if ("图" in ln.text or "圖" in ln.text) and (
        "/" in ln.text or ")" in ln.text or "）" in ln.text
    ):
        while (m := _PHOTO_REF.search(ln.text)) is not None:
            _cut(ln, m, "photo caption", dropped)
        while (m := _PICTURE_BRACKET.search(ln.text)) is not None:
            _cut(ln, m, "photo caption", dropped)  # (round 14) (圖 / 翻攝自網路), (图/新华社)
        m = _PICTURE_SOURCE.search(ln.text) if "/" in ln.text else None
        if m and (m.start() == 0 or ends_sentence(ln.text[: m.start()].strip())):
            _cut(ln, m, "photo caption", dropped)
    if ">" in ln.text or "＞" in ln.text or "»" in ln.text:
        m = _READ_MORE.search(ln.text)
        if m and m.start() > 0:
            _cut(ln, m, "web chrome", dropped)
    if (
        "编辑" in ln.text or "編輯" in ln.text or "责编" in ln.text or "責編" in ln.text
    ) and ln.text[-1:] in "】]］)）":
        m = _EDITOR.search(ln.text)
        if m:
            _cut(ln, m, "byline", dropped)
    if not _CREDIT_HINT.search(ln.text):
        return False
    credited = False
    # Credits: the bracketed ones anywhere, the free ones after a sentence or a space.
    for rx in (_CREDIT_BRACKET, _CREDIT_FREE):
        while (m := rx.search(ln.text)) is not None:
            before = ln.text[: m.start()].rstrip(" |｜")
            after = ln.text[m.end() :].lstrip(" |｜")
            dropped.append(Dropped(m.group(0).strip(), "photo caption", ln.line))
            credited = credited or (not before and not after)
            if before and not after and _caption_shaped(before):
                # What the credit closes is a caption, not a sentence: it goes with its credit.
                dropped.append(Dropped(before, "photo caption", ln.line))
                before = ""
            ln.text = (before + after).strip()
    return credited


def _inline_r11(ln: Line, dropped: list[Dropped]) -> None:
    """(round 11) Pieces inside a line: a group's caption between sentences, a more-link or a
    prompt glued after a sentence, the editor's name closing the line, a credit glued after its
    caption's sentence (the caption goes too when it opens the line)."""
    m: re.Match[str] | None
    t = ln.text
    if ("代表" in t or "界" in t) and len(t) > 60:
        while (m := _GROUP_INLINE.search(ln.text)) is not None:
            dropped.append(Dropped(m.group(0).strip(), "caption row", ln.line))
            ln.text = ln.text[: m.start()] + " " + ln.text[m.end() :]
    if "关注" in t or "關注" in t:
        while (m := _FOLLOW_NOTE.search(ln.text)) is not None:
            _cut(ln, m, "web chrome", dropped)
    if "位置" in t[:20] or "页面" in t[:12] or "頁面" in t[:12]:
        m = _CRUMB_HEAD.match(ln.text)
        if m:
            end = m.end()
            channel = m.group(1)
            if channel and ln.text[end:].startswith(channel):
                end += len(channel)  # the bar's last item repeats the channel over it
            if len(ln.text) - end >= 8:
                dropped.append(Dropped(ln.text[:end].strip(), "web chrome", ln.line))
                ln.text = ln.text[end:].strip()
    if t[:1] == "第" and "篇" in t[:6]:
        m = _PIECE_PREFIX.match(t)
        if m:
            _cut(ln, m, "page chrome", dropped)  # (held16) 第1篇 before the piece's title
    if "[" in t or "［" in t or "【" in t:
        while (m := _MORE_LINK.search(ln.text)) is not None:
            _cut(ln, m, "web chrome", dropped)
    if t[-1:] in ":：" and len(t) > 14:
        m = _END_LABEL.search(t)
        if m:
            _cut(ln, m, "web chrome", dropped)  # a lead-in label closing a paragraph
    if "↓" in t or "⬇" in t:
        while (m := _DOWN_PROMPT.search(ln.text)) is not None:
            _cut(ln, m, "web chrome", dropped)
    if "编" in t or "編" in t:
        m = _EDITOR_END.search(ln.text)
        if m:
            _cut(ln, m, "byline", dropped)
    for _ in range(4 if "摄" in t or "攝" in t else 0):
        m = _CREDIT_AFTER.search(ln.text)
        if m is None:
            break
        before = ln.text[: m.start()]
        caption = (
            before if len(before) <= 40 and not re.search(r"[，,；;。！？]", before[:-1]) else ""
        )
        dropped.append(Dropped((caption + m.group(0)).strip(), "photo caption", ln.line))
        ln.text = (("" if caption else before) + ln.text[m.end() :]).strip()


_BULLET_ITEM = re.compile(r"^[•●▪◆·]\s*(\S(?:.{0,14}\S)?)$")


def _bullet_menu(
    lines: list[Line], dropped: list[Dropped], chrome: list[str], bar_items: set[str]
) -> None:
    """(pages19) A portal's menu as a bulleted list before the article (媒體 / • 澳廣視新聞 /
    • 政府消息 / … / 分類 / • 正報 / 新聞): four short bulleted items or more, none a sentence,
    before the text's first line of prose, with the short labels over and under them. Its
    items are kept in ``bar_items`` (the channel's name may close the article)."""
    first = next(
        (i for i, ln in enumerate(lines) if len(ln.text) >= 30 and is_prose(ln.text)), len(lines)
    )
    items = [
        i
        for i in range(min(first, 60))
        if "•" in lines[i].text[:1] or lines[i].text[:1] in "●▪◆·"
        if (m := _BULLET_ITEM.match(lines[i].text)) and not _SENTENCE_MARK.search(m.group(1))
    ]
    if len(items) < 4:
        return
    lo, hi = items[0], items[-1]
    while (
        lo > 0
        and 0 < len(lines[lo - 1].text) <= 4
        and not _SENTENCE_MARK.search(lines[lo - 1].text)
    ):
        lo -= 1
    if hi + 1 < first and 0 < len(lines[hi + 1].text) <= 4:
        hi += 1
    block = range(lo, hi + 1)
    if sum(1 for i in block if i in items) < 0.6 * len(block):
        return
    prev = ""
    for i in block:
        ln = lines[i]
        if len(ln.text) > 16 or _SENTENCE_MARK.search(ln.text):
            continue
        m = _BULLET_ITEM.match(ln.text)
        item = "".join((m.group(1) if m else ln.text).split())
        bar_items.update((item, prev + item))  # an item under its label (正報 / 新聞)
        prev = item
        dropped.append(Dropped(ln.text, "page chrome", ln.line))
        chrome.append(ln.text)
        ln.text = ""


def _run_on_tail(lines: list[Line], dropped: list[Dropped]) -> None:
    """(pages19) A body run into one long line ends in the page's widgets parted by spaces (扫码
    关注我们 了解更多人大信息 南澳人大 长按二维码关注 |): after the last sentence of the text's
    last long line, two to eight short pieces with no sentence are the page's."""
    k = len(lines) - 1
    while k >= 0 and len(lines[k].text) < 40:
        k -= 1
    if k < 0 or len(lines[k].text) < 200 or lines[k].md_level or lines[k].cells:
        return
    ln = lines[k]
    m = re.search(r"[。！？]([^。！？]*)$", ln.text)
    if not m:
        return
    pieces = m.group(1).replace("|", " ").replace("｜", " ").split()
    if (
        2 <= len(pieces) <= 8
        and all(len(p) <= 12 and p[0] != "#" for p in pieces)
        and not re.search(r"[，,；;：:”]", m.group(1))
    ):
        dropped.append(Dropped(m.group(1).strip(), "web chrome", ln.line))
        ln.text = ln.text[: m.start(1)].rstrip()


def _headline_marks(lines: list[Line], dropped: list[Dropped]) -> None:
    """A page number after a headline of the opening (a media marker before it is read off the
    title only: the line itself is the page's, its chrome rules decide it)."""
    for ln in lines[:3]:
        m = _WIRE_TITLE.match(ln.text) if "电" in ln.text else None
        if m:
            # (pages21) A wire story's dateline before its headline (中新社北京3月5日电 题：…).
            dropped.append(Dropped(ln.text[: m.start(2)].strip(), "byline", ln.line))
            ln.text = m.group(2).strip()
            ln.bold = True  # a headline: a line of its own, never joined to the lead
        t = ln.text
        if len(t) > 80 or _SENTENCE_MARK.search(t.rstrip("?？!！")):
            continue
        m = _PAGE_NUMBER.search(ln.text)
        if m and m.start() >= 8:
            _cut(ln, m, "pager", dropped)
        m = _UPDATE_NOTE.search(ln.text)
        if m and m.start() >= 8:
            _cut(ln, m, "web chrome", dropped)  # (held19) the copy site's note: (2025年更新)
        m = _TAB_BAR.search(ln.text)
        if m and m.start() >= 10 and " " not in ln.text[: m.start()].strip():
            _cut(ln, m, "web chrome", dropped)  # (held18) a tab bar glued after the headline


# (round 16) An agency's dateline standing alone over a title (新华社北京3月13日电 between two
# copies of a report's title).
_LONE_DATELINE = re.compile(
    r"^(?:新华社|新華社|中新社|中新网|中新網)[\u4e00-\u9fff]{2,8}?\d{1,2}月\d{1,2}日[电電]$"
)


def _lone_dateline(lines: list[Line], dropped: list[Dropped]) -> None:
    """(round 16) An agency's dateline alone on one of the text's first lines goes when the line
    under it is no prose (a title, the report's own title copy: the lead it would open is not
    there). A dateline over its lead stays with the lead."""
    for k, ln in enumerate(lines[:3]):
        if ln.cells or not _LONE_DATELINE.match(ln.text) or k + 1 >= len(lines):
            continue
        nxt = lines[k + 1].text
        if nxt and not ends_sentence(nxt) and not is_prose(nxt):
            dropped.append(Dropped(ln.text, "byline", ln.line))
            ln.text = ""


def _caption_shaped(text: str) -> bool:
    """A caption's shape: short, no sentence mark inside, not numbered."""
    return len(text) <= 60 and not _SENTENCE_MARK.search(text) and numbered(text) is None


def _last_sentence(lines: list[Line]) -> int:
    """Index of the body's last line of prose (a long line ending a sentence), -1 when none."""
    for i in range(len(lines) - 1, -1, -1):
        t = lines[i].text
        if (
            len(t) >= 15
            and ends_sentence(t)
            and re.search(r"[，,。]", t)  # a headline in a list asks (…有哪些？): no comma
            and not _COMMENT.match(to_simplified(t))
        ):
            return i
    return -1


def _tool_bar(text: str) -> bool:
    """Only toolbar words once brackets, colons and separators are gone (【字体：大 中 小】打印)."""
    s = _TOOL_STRIP.sub("", to_simplified(text))
    if not s or len(s) > 24:
        return False
    words = 0
    while s:
        for w in _TOOL_WORDS:
            if s.startswith(w):
                s = s[len(w) :]
                words += 1
                break
        else:
            return False
    return words >= 3


def _link_bar(text: str) -> tuple[bool, str]:
    """A bar of links parted by pipes or bullets (首页| 国际| 军事| …, 媒體 • 澳廣視新聞 • …):
    (True, the text glued to its last link when that is long, else "")."""
    if text.count("|") + text.count("｜") + text.count("•") < 5:
        return False, ""
    items = [p.strip() for p in re.split(r"[|｜•]", text)]
    items = [p for p in items if p]
    if len(items) < 6:
        return False, ""
    short = sum(1 for p in items[:-1] if len(p) <= _LINK_ITEM_MAX or not _CJK.search(p))
    if short < 0.8 * (len(items) - 1) or any(_SENTENCE_MARK.search(p) for p in items[:-1]):
        return False, ""
    tail = items[-1]
    return True, tail if len(tail) >= 12 else ""


def _scene_row(text: str) -> bool:
    """A row of captions parted by spaces, each saying who does what (会议现场 县政协副主席…)."""
    pieces = text.split()
    if len(pieces) < 3 or _SENTENCE_MARK.search(text) or numbered(text) is not None:
        return False
    if not all(2 <= len(p) <= 30 and re.fullmatch(r"[\u4e00-\u9fff、·“”]+", p) for p in pieces):
        return False
    return sum(map(len, pieces)) / len(pieces) >= 5 and max(map(len, pieces)) >= 8


def _line_reason(lines: list[Line], i: int, last: int) -> str | None:
    """Why line ``i`` is furniture as a whole, or None."""
    t = lines[i].text
    n = len(lines)
    after_body = last >= 0 and i > last
    colons = t.count(":") + t.count("：")
    if len(t) > 100 and colons < 3:
        return None  # a paragraph: none of the shapes below is that long
    if _CAPTION_MARK.match(t) and len(t) <= 60 and not _SENTENCE_MARK.search(t[:-1]):
        return "photo caption"
    if _credit_line(t):
        return "byline"  # (round 14) 编辑 | 李念辉, 記者 徐鈞鉆 顏子怡 張房耿
    if len(t) <= 24 and ("/" in t or "／" in t) and _DESK_BYLINE.match(t):
        return "byline"
    if len(t) <= 20 and "版" in t and _PAGE_LABEL.match(t):
        return "pager"
    if len(t) <= 20 and i < _OPENING and _PAPER_NAME.match(t):
        return "masthead"
    if len(t) <= 40 and _COUNTER_HINT.search(t) and _COUNTER_LINE.match(to_simplified(t)):
        return "web chrome"  # (round 14) a view counter alone (浏览(4308)
    if _FIGURE.match(t) and len(t) <= 50 and not _SENTENCE_MARK.search(t):
        return "figure caption"
    if (0 < i < n - 1 or after_body) and " " in t and _scene_row(t) and is_prose(lines[i - 1].text):
        return "caption row"
    if len(t) <= 40 and _TOOL_HINT.search(t) and _tool_bar(t):
        return "web chrome"
    if i < 4 and _COLUMN_TAG.fullmatch(t) and i + 1 < n and is_prose(lines[i + 1].text):
        return "page chrome"  # a column's tag alone over the story (【图片新闻】)
    if _CRUMB.match(t):
        return "web chrome"
    if (i < _OPENING or after_body) and _MOBILE_LABEL.match(t):
        return "web chrome"
    if i < _OPENING and _REPORTERS.match(t):
        return "byline"  # the wire story's reporters alone on a line (中新社记者 徐雪莹 崔白露)
    if i < _OPENING and _USER_NAME.match(t):
        return "page chrome"
    if i < _OPENING and _ISSUE.search(t) and len(t) <= 40 and not _SENTENCE_MARK.search(t):
        return "masthead"
    if (
        colons >= 3
        and len(_ANY_FIELD.findall(t)) >= 3
        and len(_EMPTY_FIELD.findall(t)) >= 2
        and not re.search(r"[。！？!?]", t)
    ):
        return "web chrome"  # a bar of labels, most with no value (阅读次数: 作者: 语音阅读:)
    if colons and _record_fields(t):
        return "record fields"
    return _r15_piece(lines, i, t) or _page_piece(lines, i, t, after_body)


def _field_label(t: str) -> str | None:
    """The label of a ``label: value`` line with no sentence (spaces inside it removed)."""
    if len(t) > 80:
        return None
    found = _spaced_labels(t)
    return found[1][0] if found and found[0] else None


def _spaced_labels(t: str) -> tuple[list[re.Match[str]], list[str], str] | None:
    """The ``label:`` marks of a line with no sentence (bullets stripped), each label with its
    spaces removed and in simplified form (索 引 号 -> 索引号), and the stripped line; None for a
    sentence. The one reading of a spaced label for a record's line and a record's block."""
    if re.search(r"[。！？!?]", t):
        return None
    body = t.lstrip("•·●▪◆- ")
    found = list(_SPACED_LABEL.finditer(body))
    if found and found[0].start() > 0:
        found = []
    return found, [re.sub(r"\s", "", m.group(1)).translate(_TRAD_LABEL) for m in found], body


def _record_block(lines: list[Line], drop: dict[int, str]) -> None:
    """A record's fields one a line (索 引 号:… / 分 类:… / 发布机构:…): a run of field lines
    with three known record labels or more, most of the run's, goes whole; a label alone with
    no value and no record word (各位代表：) stays."""
    i, n = 0, len(lines)
    while i < n:
        j = i
        labels: list[str] = []
        while j < n and not lines[j].md_level and not lines[j].cells:
            label = _field_label(lines[j].text)
            if label is None:
                break
            labels.append(label)
            j += 1
        known = [w for w in labels if w in _RECORD_WORDS]
        # (round 14) In the opening two lines suffice when every label is a record's and none
        # names the document (发布部门: 广东省深圳市人民代表大会 / 发布文号: over a 决议).
        opening = (
            i < _OPENING
            and len(labels) >= 2
            and len(known) == len(labels)
            and not _NAMING_WORDS.intersection(labels)
        )
        if opening or (len(known) >= 3 and 2 * len(known) > len(labels)):
            for k, label in zip(range(i, j), labels, strict=True):
                value = lines[k].text.split("：", 1)[-1].split(":", 1)[-1].strip()
                if label in _RECORD_WORDS or value:
                    # (the opening's two-line record stays readable by metadata, as chrome:
                    # its document number may date the text, 宁政发[2006]275号)
                    reason = "record fields" if not opening or k in drop else "record chrome"
                    drop.setdefault(k, reason)
        i = max(j, i + 1)


# (round 14) An article's record in its opening (a journal's or portal's copy): 内容摘要 / 关键词 /
# 作者简介 lines. The label lines go when two stand together; an abstract goes when the text
# repeats it (its words are the body's own opening, kept there).
_ARTICLE_LABEL = re.compile(
    r"^(内容摘要|内容提要|摘要|关键词|关键字|關鍵詞|作者简介|作者簡介|作者单位|中图分类号|文献标识码|文章编号)"
    r"\s*[:：]\s*"
)
_ABSTRACTS = frozenset(("内容摘要", "内容提要", "摘要"))


def _article_record(lines: list[Line], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """Mark the opening's article record (see ``_ARTICLE_LABEL``) in ``drop``; an abstract the
    text does not repeat keeps its words, its label goes to ``dropped``."""
    found = [
        (i, m)
        for i in range(min(len(lines), _OPENING))
        if not lines[i].md_level and (m := _ARTICLE_LABEL.match(lines[i].text)) is not None
    ]
    if not found:
        return
    rest = "\n".join(ln.text for ln in lines[found[-1][0] + 1 :])
    close = {i for i, _ in found if any(abs(i - j) == 1 for j, _ in found)}
    for i, m in found:
        value = lines[i].text[m.end() :]
        if m.group(1) in _ABSTRACTS:
            flat = "".join(rest.split())
            head = "".join(value.split())[:16]
            sentences = ["".join(x.split()) for x in re.findall(r"[^。！？]{6,}[。！？]", value)]
            if len(head) >= 10 and head in flat and all(x in flat for x in sentences):
                drop.setdefault(i, "record fields")
            elif value and i not in drop:
                # Its sentences are its own: the label goes, the abstract stays as a paragraph.
                dropped.append(
                    Dropped(lines[i].text[: m.end()].strip(), "record fields", lines[i].line)
                )
                lines[i].text = value
        elif i in close and not re.search(r"[。！？]", value):
            drop.setdefault(i, "record fields")


def _record_fields(t: str) -> bool:
    """A record's ``label: value`` fields with no sentence: three known labels or more (the
    labels most of the line's), or one id label (索引号, 文号…) alone with a value holding a digit."""
    spaced = _spaced_labels(t)
    if not spaced or not spaced[0]:
        return False
    found, labels, body = spaced
    # A glued label follows its neighbour's value: a known word ending the label counts.
    known = [w for w in labels if any(w[k:] in _RECORD_WORDS for k in range(len(w) - 1))]
    if len(known) >= 3 and 2 * len(known) > len(labels):
        return True
    if len(found) == 1 and labels[0] in _ID_LABELS and found[0].start() == 0:
        value = body[found[0].end() :].strip()
        return 0 < len(value) <= 40 and bool(re.search(r"\d", value)) and not _CJK.search(value)
    return False


# (round 15) Pieces one page carries that its own shape and place give away.
# A photo's caption naming the scene (会议现场, 活动现场) or a person doing what the story tells
# (薛少仙主持大会, 新当选镇长熊丹进行宪法宣誓, …向大会作工作报告): short, no punctuation, standing
# between paragraphs; the scene's or person's word is echoed by the prose next to it.
_SCENE_NOUN = re.compile(r"^([\u4e00-\u9fff]{2,8})(?:现场|現場|会场|會場)$")
_ACTION_CAPTION = re.compile(
    r"^[\u4e00-\u9fff·]{0,14}?([\u4e00-\u9fff·]{2,4})(?:主持(?:大会|大會|会议|會議|开幕式|開幕式)?"
    r"|(?:进行|進行)?(?:宪法|憲法)宣誓|(?:向大会|向大會)作[\u4e00-\u9fff]{0,12}(?:报告|報告)"
    r"|(?:作|做)(?:重要)?(?:讲话|講話|发言|發言))$"
)
# A widget's state or prompt: loading (努力加载中，请稍后...), a close button (关闭×), an ad
# slot's label (我是廣告 請繼續往下閱讀), an app's install pitch (…安装央视影音客户端，随时随地…).
_LOADING = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:加载中|加載中|载入中|載入中)[，,\s]*(?:请稍[后候]|請稍[後候])?"
    r"[.。…]*$"
)
_CLOSE_BUTTON = re.compile(r"^(?:关闭|關閉)\s*[×✕✖xX]$|^[×✕✖]\s*(?:关闭|關閉)$")
_AD_SLOT = re.compile(
    r"^(?:我是)?(?:广告|廣告)\s*[，,]?\s*(?:请|請)?\s*(?:继续|繼續)?(?:往下|向下)(?:阅读|閱讀|滑动|滑動|看)$"
)
_APP_PITCH = re.compile(
    r"(?:安装|安裝|下载|下載)[^，,。！？\s]{0,10}(?:客户端|客戶端|APP|App)(?=$|[，,！!)）\s])"
)
# A mis-decoded character's scrap after a comma, before the sentence goes on (主持，??h政協…).
_DECODE_SCRAP = re.compile(r"(?<=[，。、])\?{2,}[A-Za-z]?(?=[\u4e00-\u9fff])")
_CHANNEL_CRUMB = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[>＞»›]$")
_EMPTY_ATTACHMENT = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:附件|附件下载|附件下載)\s*[:：]$")
# A periodical's registration lines (国内统一刊号：CN11-2611/C, 邮发代号：82—423).
_SERIAL_NUMBER = re.compile(
    r"^(?:国内统一刊号|國內統一刊號|国际标准刊号|國際標準刊號|国际标准连续出版物号|邮发代号|郵發代號)"
    r"\s*[:：]\s*[A-Za-z]{0,4}\s*[\d\-—–/A-Za-z]{3,16}$"
)
# A site's voice to the reader on a schedule (每天早晚8点与你准时相约，眺望更大的世界。).
_READER_YOU = re.compile(r"与你|和你|陪你|與你|伴你|与您|與您|陪您")
_SCHEDULE = re.compile(r"每天|每日|每晚|每周|每週|天天|准时|準時")
# A forum's anti-copy noise: tokens of one or two ASCII characters, letters mixed with digits
# and marks (* r4 L9 O: p8 Y, 1 S) E9 H4 x( G2 n3 l- l), before or between sentences.
_ASCII_NOISE = re.compile(
    r"(?:^|(?<=[\u4e00-\u9fff。，！？”\s]))(?:[!-~]{1,2}\s+){4,}[A-Za-z!-/:-@\[-`{-~]?"
    r"(?=[\u4e00-\u9fff\d]|\s*$)"
)
_NOISE_MIXED = re.compile(r"[A-Za-z]\d|\d[A-Za-z]|[A-Za-z][!-/:-@\[-`{-~]|[!-/:-@\[-`{-~][A-Za-z]")


def _ascii_noise(ln: Line, dropped: list[Dropped]) -> None:
    """(round 15) Cut a forum's random-character watermark out of a line (see _ASCII_NOISE)."""
    for _ in range(4):
        m = _ASCII_NOISE.search(ln.text)
        if m is None:
            return
        tokens = m.group(0).split()
        mixed = sum(1 for tok in tokens if _NOISE_MIXED.search(tok))
        marks = sum(1 for tok in tokens if re.search(r"[!-/:-@\[-`{-~]", tok))
        if len(tokens) < 5 or mixed < 3 or marks < 1:
            return
        dropped.append(Dropped(m.group(0).strip(), "debris", ln.line))
        ln.text = (ln.text[: m.start()] + ln.text[m.end() :]).strip()


def _echoed(lines: list[Line], i: int, word: str) -> bool:
    """``word`` stands in the prose of the lines around line ``i`` (three each side)."""
    for j in range(max(0, i - 3), min(len(lines), i + 4)):
        if j != i and word in lines[j].text and is_prose(lines[j].text):
            return True
    return False


def _caption_place(lines: list[Line], i: int) -> bool:
    """Line ``i`` stands between paragraphs: prose ending a sentence before it (or another short
    line of no punctuation, a caption's neighbour), prose or the text's end after it."""
    if i == 0:
        return False
    prev, nxt = lines[i - 1].text, lines[i + 1].text if i + 1 < len(lines) else ""
    before = (is_prose(prev) and ends_sentence(prev)) or (
        len(prev) <= 24 and _caption_shaped(prev) and i >= 2 and is_prose(lines[i - 2].text)
    )
    after = not nxt or is_prose(nxt) or (len(nxt) <= 24 and _caption_shaped(nxt))
    return before and after


# (round 15, held32) A site's version and share bar at the page's top (簡體版 英文版 寄給朋友
# 政府新聞網, 繁體 | English | 列印 | 轉寄): space- or pipe-parted links, each a version of the
# page, a way to send or print it, or a short site name.
_SHARE_WORDS = frozenset(
    (
        "简体版",
        "繁体版",
        "简体",
        "繁体",
        "简",
        "繁",
        "英文版",
        "中文版",
        "english",
        "手机版",
        "无障碍",
        "寄给朋友",
        "转寄",
        "转发",
        "列印",
        "打印",
        "分享",
        "电邮",
        "订阅",
        "rss",
    )
)
_SHARE_SPLIT = re.compile(r"[\s|｜/•·]+")
_SHARE_HINT = re.compile(r"[简簡繁]|英文|寄|列印|English", re.I)


def _share_bar(t: str) -> bool:
    """Three to eight short links, two or more and at least half of them version or share words,
    none with a sentence's mark (the rest a site's name: 政府新聞網)."""
    items = [w for w in _SHARE_SPLIT.split(to_simplified(t).lower()) if w]
    if not 3 <= len(items) <= 8 or any(len(w) > 8 or _SENTENCE_MARK.search(w) for w in items):
        return False
    known = sum(1 for w in items if w in _SHARE_WORDS)
    return known >= 2 and 2 * known >= len(items)


def _r15_piece(lines: list[Line], i: int, t: str) -> str | None:
    """(round 15) Captions of the scene or of a person, a periodical's registration, a site's
    voice addressing the reader."""
    if (
        len(t) <= 24
        and ("场" in t or "場" in t or "主持" in t or "宣誓" in t or "作" in t or "做" in t)
        and "的" not in t
        and "在" not in t
        and numbered(t) is None
    ):
        m = _SCENE_NOUN.match(t) or _ACTION_CAPTION.match(t)
        # the name's last two characters (镇长熊丹: 熊丹) or the scene's word echoed
        if m and _caption_place(lines, i) and _echoed(lines, i, m.group(1)[-2:]):
            return "caption row"  # as _scene_runs: a caption alone is no news signal
    if len(t) <= 40 and ("刊" in t or "邮发" in t or "郵發" in t) and _SERIAL_NUMBER.match(t):
        return "page chrome"
    if _site_voice(t):
        return "web chrome"
    if i < _OPENING and len(t) <= 60 and _SHARE_HINT.search(t) and _share_bar(t):
        return "web chrome"
    if i < _OPENING and len(t) <= 24 and t[:1].isdigit() and _STAMP_ONLY.match(t):
        return "web chrome"  # the page's timestamp alone (17.02.2016  12:05), kept readable
    if len(t) <= 3 and not t.strip("?？ "):
        return "debris"  # (round 15) a lone ? where a picture or a mis-decoded line stood
    if i < _OPENING and len(t) <= 12 and t[-1] in ">＞»›" and _CHANNEL_CRUMB.match(t):
        return "web chrome"  # a channel's name as the first item of a location bar (长城原创 >)
    if (
        len(t) <= 10
        and t[-1] in ":："
        and _EMPTY_ATTACHMENT.match(t)
        and not any(ln.text and not _FILE_NAMES.match(ln.text) for ln in lines[i + 1 :])
    ):
        return "attachment"  # an attachment's label closing the text (or its file names only)
    return None


def _r15_widget(t: str) -> str | None:
    """(round 15) A widget's state or prompt, an ad's or app's pitch: marked with the page's tail
    (its pitch may be the page's last sentence, which places the tail's furniture)."""
    if len(t) <= 20 and ("载" in t or "載" in t) and _LOADING.match(t):
        return "web chrome"
    if len(t) <= 6 and ("关" in t or "關" in t) and _CLOSE_BUTTON.match(t):
        return "web chrome"
    if len(t) <= 20 and ("广告" in t or "廣告" in t) and _AD_SLOT.match("".join(t.split())):
        return "web chrome"
    if len(t) <= 60 and "。" not in t and ("安" in t or "下" in t) and _APP_PITCH.search(t):
        return "web chrome"
    return None


def _site_voice(t: str) -> bool:
    """A site's voice to the reader on a schedule, with nothing of a report in it."""
    return (
        len(t) <= 60
        and ("你" in t or "您" in t)
        and _READER_YOU.search(t) is not None
        and _SCHEDULE.search(t) is not None
        and not re.search(r"[年月]|政府|人大|政协|政協|会议|會議", t)
    )


def _voice_copies(lines: list[Line], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """(round 15) A site's voice line dropped on its own, also glued before a kept paragraph
    (a run-on copy of the page): taken off that paragraph's start too."""
    voices = [lines[i].text for i in drop if lines[i].text and _site_voice(lines[i].text)]
    for v in voices:
        for i, ln in enumerate(lines):
            if i not in drop and len(ln.text) >= len(v) + 8 and ln.text.startswith(v):
                dropped.append(Dropped(v, "web chrome", ln.line))
                ln.text = ln.text[len(v) :].lstrip()


def _page_piece(lines: list[Line], i: int, t: str, after_body: bool) -> str | None:
    """(round 11) Pieces of a page by their shape: a group's label as a caption, a caption
    placing a person or saying what the picture is, a site address with a timestamp, a footer's
    copyright, attachment file names, a note in brackets after a sentence, a widget's prompt,
    a repost's source or editor line."""
    short = len(t) <= 60
    if short and ("代表" in t or "界" in t) and _GROUP_ROW.match(t):
        return "caption row"
    if short and _POSITION.search(t) and not _SENTENCE_MARK.search(t[:-1]):
        return "photo caption"
    if len(t) <= 80 and ("图" in t or "圖" in t) and _PICTURE_IS.search(t):
        return "photo caption"
    if "//" in t and _URL_STAMP.match(t):
        return "byline"
    if after_body and _COPYRIGHT.search(t):
        return "page chrome"
    if "." in t and _FILE_NAMES.match(t):
        return "attachment"
    if (
        i > 0
        and t[:1] in "(（"
        and _BRACKET_NOTE.match(t)
        and not _DATE_IN_NOTE.search(t)
        and (
            lines[i - 1].text[-1:] in "。！？!?"
            or (
                _BRACKET_NOTE.match(lines[i - 1].text)
                and not _DATE_IN_NOTE.search(lines[i - 1].text)
            )
            or _SIGNED_DATE.match(lines[i - 1].text)  # under a notice's date (此件公开发布)
        )
        and (
            # closing the text or a part: no paragraph goes on from it (a footnote's note does)
            i + 1 >= len(lines)
            or (len(lines[i + 1].text) <= 30 and not ends_sentence(lines[i + 1].text))
            or _BRACKET_NOTE.match(lines[i + 1].text)
        )
    ):
        return "editor's note"
    if len(t) <= 24 and not re.search(r"[。；;]", t) and _PROMPT.search(t):
        return "web chrome"
    if len(t) <= 30 and _SOURCE_NOTE.match(t):
        return "byline"
    if len(t) <= 24 and ("位置" in t or "页面" in t or "頁面" in t):
        m = _CRUMB_HEAD.match(t)
        # (round 15) its last item may repeat the channel named before it (聯盟導讀…-- 聯盟導讀)
        if m and (m.end() == len(t) or (m.group(1) and t[m.end() :].strip() == m.group(1))):
            return "web chrome"  # a location bar alone (当前页面:首页)
    if (
        i < _OPENING
        and len(t) <= 60
        and _ORIGINAL_TITLE.match(to_simplified(t))
        and not re.search(r"[。！？]", t)
    ):
        return "page chrome"  # a repost's 原标题 note over its lead
    if after_body and len(t) <= 8 and _REPORT_CREDIT.match(t):
        return "byline"  # the story's credit closing it (综合报道)
    if len(t) <= 14 and _LEAD_LABEL.match(t):
        return "web chrome"
    if len(t) <= 30 and not _SENTENCE_MARK.search(t) and _PAGER_WORDS.search(t):
        return "pager"
    if (
        i < _OPENING
        and len(t) <= 40
        and (_SKIP_LINK.match(t) or _HOME_LINK.match(t) or _SEARCH_BAR.match(t))
    ):
        return "web chrome"
    return None


def _tail_reason(lines: list[Line], i: int, last: int) -> str | None:
    """Why line ``i``, after the body's last sentence or closing the text, is furniture."""
    t = lines[i].text
    after_body = last >= 0 and i > last
    if not (after_body or i >= len(lines) - 3):
        return None
    s = to_simplified(t)
    if _COMMENT.match(s) or (_CLICK_LINK.match(s) and len(t) <= 40 and "。" not in t):
        return "page chrome"
    if not after_body:
        return None
    if _LATIN_CAPS.match(t):
        return "page chrome"  # the site's name in another script
    if (t.count("|") + t.count("｜")) >= 2 and not re.search(r"[。！？!?，,]", t):
        return "page chrome"  # a row of links after the article
    if _RELATED_TOPIC.match(s) and not re.search(r"[。！？]", t):
        return "page chrome"
    if _ORIGINAL_TITLE.match(s) and len(t) <= 60:
        return "page chrome"  # a repost's 原标题 note after the article
    return None


def mark_page_tail(lines: list[Line]) -> dict[int, str]:
    """The furniture after an article's last sentence, read before the debris pass (whose rules
    read positions in the whole text, so these lines stay until it is done): comment boxes,
    related lists, link rows, a foreign name; and a copy site's piece numbers and lead-in.
    Keyed by ``id`` of the line."""
    last = _last_sentence(lines)
    drop: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if ln.md_level or ln.cells or len(ln.text) > 200:
            continue
        reason = (
            _tail_reason(lines, i, last) or _copy_site_piece(ln.text, i) or _r15_widget(ln.text)
        )
        if reason:
            drop[i] = reason
    _related_lists(lines, drop)
    return {id(lines[i]): r for i, r in drop.items()}


def _copy_site_piece(t: str, i: int) -> str | None:
    """(held23) A copy site's piece number (篇1) and its lead-in addressed to the reader in the
    opening (導語：…歡迎閱讀由…整理的十篇范文): marked with the tail, so the debris pass still
    reads the opening's fields in their places."""
    if len(t) <= 8 and "篇" in t and _PIECE_NUMBER.match(t):
        return "page chrome"
    if i < _OPENING and _SITE_LEAD.match(t) and _SITE_VOICE.search(t):
        return "web chrome"
    return None


def drop_page_tail(
    lines: list[Line], marks: dict[int, str], dropped: list[Dropped], chrome: list[str]
) -> list[Line]:
    """Remove the lines :func:`mark_page_tail` marked (those the debris pass left)."""
    if not marks:
        return lines
    drop = {i: marks[id(ln)] for i, ln in enumerate(lines) if id(ln) in marks}
    return _apply(lines, drop, dropped, chrome)


def _related_lists(lines: list[Line], drop: dict[int, str]) -> None:
    """A related-reading label and the short headlines under it, to the end of the text."""
    n = len(lines)
    for i, ln in enumerate(lines):
        if (
            i in drop
            or len(ln.text) > 24
            or not _RELATED_HINT.search(ln.text)
            or not _RELATED.match(to_simplified(ln.text))
        ):
            continue
        rest = [k for k in range(i + 1, n) if k not in drop]
        # Its items to the end of the text: headlines or teasers (the channel's slogan may close
        # them: any short line once the first item is one).
        if (
            rest
            and _listed(lines[rest[0]].text)
            and all(_listed(lines[k].text) or len(lines[k].text) <= 80 for k in rest)
            and (len(rest) >= 2 or _TEASER.search(lines[rest[0]].text))
        ):
            drop[i] = "page chrome"
            for k in rest:
                drop[k] = "page chrome"
        elif not rest or i >= n - 2:
            drop[i] = "page chrome"


def _listed(text: str) -> bool:
    """A related list's item: a short headline, or a teaser cut off with an ellipsis."""
    # (held21) a teaser cut after a full stop (…责任状。...长丰新闻…): its dots still mark the cut
    return (len(text) <= 50 and "。" not in text) or bool(_TEASER.search(text)) or "..." in text


def _scene_runs(lines: list[Line], drop: dict[int, str]) -> None:
    """Three to six short lines of captions between two lines of prose, each saying who does
    what (会议现场 / 县政协副主席…主持开幕式 / …作提案工作报告): the photos' captions."""
    n = len(lines)
    i = 1
    while i < n:
        k = i
        while (
            k < n
            and (k not in drop or drop[k] == "caption row")
            and not lines[k].md_level
            and not lines[k].cells
            and len(lines[k].text) <= 30
            and _SCENE_LINE.fullmatch(lines[k].text)
            and numbered(lines[k].text) is None
        ):
            k += 1
        if (
            3 <= k - i <= 6
            and k < n
            and i < _SCENE_OPENING
            and is_prose(lines[i - 1].text)
            and ends_sentence(lines[i - 1].text)
            and is_prose(lines[k].text)
            and _scene_row(" ".join(lines[j].text for j in range(i, k)))
        ):
            for j in range(i, k):
                # Not "photo caption": a row of captions alone is no news signal for kind.
                drop[j] = "caption row"
        i = max(k, i + 1)


def _record_label(cell: str) -> str | None:
    """The record label a cell is (索引号, 公开形式：), or None."""
    c = "".join(cell.split()).rstrip(":：")
    return c if c in _RECORD_WORDS else None


def _pipe_row(text: str) -> bool:
    """A record's row as pipe cells: opened by a label, its other cells labels or short values."""
    if "|" not in text:
        return False
    cells = [c.strip() for c in text.split("|")]
    full = [c for c in cells if c]
    if not full or not _record_label(full[0]):
        return False
    values = [c for c in full if not _record_label(c)]
    return len(values) <= len(full) - len(values) + 1 and all(len(v) <= 40 for v in values[:-1])


def _pipe_record(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a row of a record printed as pipe cells (a neighbour is one too, or it has
    two labels)."""
    if not _pipe_row(lines[i].text):
        return False
    labels = sum(1 for c in lines[i].text.split("|") if _record_label(c.strip()))
    near = any(0 <= j < len(lines) and _pipe_row(lines[j].text) for j in (i - 1, i + 1))
    return near or labels >= 2


def _split_records(
    lines: list[Line], dropped: list[Dropped], chrome: list[str], bar_items: set[str]
) -> list[Line]:
    """Records whose labels and values stand apart: taken out, with what is glued after them kept.
    The items of the link bars taken out are added to ``bar_items`` (spaces removed)."""
    out: list[Line] = []
    skip_values = False
    for idx, ln in enumerate(lines):
        t = ln.text
        if skip_values:
            skip_values = False
            if _INDEX_NUMBER.search(t) or (len(t) <= 80 and not _SENTENCE_MARK.search(t)):
                dropped.append(Dropped(t, "web chrome", ln.line))
                chrome.append(t)
                continue
        if ln.md_level or idx >= 40:
            out.append(ln)
            continue
        pieces = t.split() if " " in t or "\u3000" in t else ()
        if len(pieces) >= 3 and all(_record_label(p) for p in pieces):
            # A record's labels in one row; its values are the next line.
            dropped.append(Dropped(t, "web chrome", ln.line))
            skip_values = True
            continue
        if ("[" in t or "【" in t or "［" in t) and len(_BRACKET_FIELD.findall(t)) >= 2:
            labels = [m for m in _BRACKET_FIELD.finditer(t) if _record_label(m.group(1))]
            if len(labels) >= 2 and labels[0].start() <= 2:
                record, rest = t, ""
                lastm = labels[-1]
                tail = t[lastm.end() :]
                dm = _DATE_VALUE.match(tail)
                if dm and len(tail) - dm.end() >= 8:
                    record, rest = t[: lastm.end() + dm.end()], tail[dm.end() :].strip()
                dropped.append(Dropped(record, "web chrome", ln.line))
                chrome.append(_BRACKET_FIELD.sub(lambda m: m.group(1) + ":", record))
                if rest:
                    ln.text = rest
                    out.append(ln)
                continue
        if "|" in t and not ln.cells and _pipe_record(lines, idx):
            cells = [c.strip() for c in t.split("|")]
            title = ""
            for k, c in enumerate(cells):
                if _record_label(c) in ("文件名称", "标题", "名称") and k + 1 < len(cells):
                    title = cells[k + 1]
                    break
            tail = cells[-1] if len(cells[-1]) >= 20 and not _record_label(cells[-1]) else ""
            record = t[: t.rfind(tail)] if tail else t
            if title:
                record = record.replace(title, "", 1)  # the title stays as a line of its own
            dropped.append(Dropped(record.strip(), "web chrome", ln.line))
            chrome.append(" ".join(c for c in cells if c and c != tail and c != title))
            if title:
                out.append(
                    Line(text=title, line=ln.line, blank_before=ln.blank_before, blank_after=1)
                )
            if tail:
                ln.text = tail
                out.append(ln)
            continue
        if (
            idx < 30
            and "/" in t
            and _INDEX_NUMBER.search(t)
            and not re.search(r"[。！？]", t)
            and len(t) <= 120
        ):
            dropped.append(Dropped(t, "web chrome", ln.line))
            chrome.append(t)
            continue
        bar, tail = (
            _link_bar(t) if ("|" in t or "｜" in t or "•" in t) and not ln.cells else (False, "")
        )
        if bar:
            for item in re.split(r"[|｜•]", t[: len(t) - len(tail)] if tail else t):
                if 2 <= len(item.strip()) <= _LINK_ITEM_MAX * 2:
                    bar_items.add("".join(item.split()))
            dropped.append(
                Dropped(t[: len(t) - len(tail)].strip() if tail else t, "web chrome", ln.line)
            )
            if tail:
                ln.text = tail
                out.append(ln)
            continue
        out.append(ln)
    return out
