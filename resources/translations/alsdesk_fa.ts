<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name></name>
    <message>
        <location filename="../../ui/main_menus.py" line="34"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="35"/>
        <location filename="../../ui/subjects.py" line="158"/>
        <source>&amp;New subject…</source>
        <translation>&amp;بیمار جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="36"/>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Register a new subject</source>
        <translation>ثبت یک بیمار جدید</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="39"/>
        <source>&amp;Print</source>
        <translation>&amp;چاپ</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="41"/>
        <source>&amp;Export</source>
        <translation>&amp;خروجی</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="44"/>
        <source>&amp;Lock the window</source>
        <translation>&amp;قفل کردن پنجره</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="45"/>
        <source>Lock now; your password unlocks it</source>
        <translation>اکنون قفل شود؛ گذرواژهٔ شما آن را باز می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="46"/>
        <source>Log &amp;out…</source>
        <translation>&amp;خروج از حساب…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="47"/>
        <source>End your session so another user can log in</source>
        <translation>پایان نشست شما تا کاربر دیگری وارد شود</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="48"/>
        <source>&amp;Quit</source>
        <translation>&amp;بستن برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="54"/>
        <source>F&amp;orm</source>
        <translation>&amp;فرم</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="56"/>
        <source>Sign the &amp;visit…</source>
        <translation>امضای &amp;ویزیت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="58"/>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>Sign every complete form of the visit selected in the casebook</source>
        <translation>امضای همهٔ فرم‌های کامل ویزیتِ انتخاب‌شده در پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="68"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="71"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;داشبورد</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="72"/>
        <source>&amp;Subjects</source>
        <translation>&amp;بیماران</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="73"/>
        <source>&amp;Casebook</source>
        <translation>&amp;پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="73"/>
        <source>&amp;Form</source>
        <translation>&amp;فرم</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="74"/>
        <source>&amp;Queries</source>
        <translation>&amp;پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="79"/>
        <source>&amp;Find a subject</source>
        <translation>&amp;یافتن بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="81"/>
        <source>&amp;Refresh</source>
        <translation>&amp;تازه‌سازی</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="91"/>
        <source>Safety &amp;tables…</source>
        <translation>&amp;جدول‌های ایمنی…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="92"/>
        <source>Adverse events by SOC and term, serious, by relationship, per subject</source>
        <translation>عوارض ناخواسته بر پایهٔ SOC و اصطلاح، جدی، بر پایهٔ ارتباط، برای هر بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="101"/>
        <source>Dou&amp;ble data entry…</source>
        <translation>&amp;ورود دوبارهٔ داده‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="102"/>
        <source>Forms awaiting their second entry, differences to resolve, error rates per form, subject and user</source>
        <translation>فرم‌های در انتظار ورود دوم، اختلاف‌های حل‌نشده، نرخ خطا به تفکیک فرم، آزمودنی و کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="109"/>
        <source>&amp;Administration</source>
        <translation>&amp;مدیریت</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="110"/>
        <source>&amp;Add a user…</source>
        <translation>&amp;افزودن کاربر…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="111"/>
        <source>&amp;Settings…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="116"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="119"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="120"/>
        <source>Every shortcut of this window</source>
        <translation>همهٔ میان‌برهای این پنجره</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="121"/>
        <source>User &amp;guide</source>
        <translation>&amp;راهنمای کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="122"/>
        <source>How to record a visit, an AE, a query, a signature</source>
        <translation>چگونه یک ویزیت، یک عارضهٔ ناخواسته، یک پرسش و یک امضا ثبت شود</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="126"/>
        <source>&amp;About ALS Desk</source>
        <translation>&amp;دربارهٔ ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="142"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="175"/>
        <source>&amp;Users…</source>
        <translation>&amp;کاربران…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="176"/>
        <location filename="../../ui/main_menus.py" line="191"/>
        <source>Accounts: add, reset a password, unlock, change a role, deactivate</source>
        <translation>حساب‌ها: افزودن، بازنشانی گذرواژه، باز کردن قفل، تغییر نقش، غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="178"/>
        <source>Audit &amp;trail…</source>
        <translation>&amp;ردپای ممیزی…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="179"/>
        <location filename="../../ui/main_menus.py" line="193"/>
        <source>Review and export the audit trail</source>
        <translation>بازبینی و خروجی گرفتن از ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="181"/>
        <source>Study &amp;definition…</source>
        <translation>&amp;تعریف مطالعه…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="182"/>
        <source>The versions of the study definition the database holds; a protocol amendment (administrator)</source>
        <translation>نسخه‌های تعریف مطالعه که پایگاه داده نگه می‌دارد؛ اصلاحیهٔ پروتکل (مدیر سامانه)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>Dashboard</source>
        <translation>داشبورد</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="37"/>
        <source>CSV for R, SAS, Stata, Excel…</source>
        <translation>CSV برای R، SAS، Stata و Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="38"/>
        <source>Folder for the CSV files</source>
        <translation>پوشهٔ فایل‌های CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="39"/>
        <source>CDISC ODM 1.3.2 XML…</source>
        <translation>فایل XML با قالب CDISC ODM 1.3.2…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="40"/>
        <source>ODM file</source>
        <translation>فایل ODM</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="41"/>
        <source>REDCap import files…</source>
        <translation>فایل‌های ورود به REDCap…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="42"/>
        <source>Folder for the REDCap files</source>
        <translation>پوشهٔ فایل‌های REDCap</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="43"/>
        <source>Stata files (.dta)…</source>
        <translation>فایل‌های Stata (.dta)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="44"/>
        <source>Folder for the Stata files</source>
        <translation>پوشهٔ فایل‌های Stata</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="45"/>
        <source>SPSS files (.sav)…</source>
        <translation>فایل‌های SPSS (.sav)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="46"/>
        <source>Folder for the SPSS files</source>
        <translation>پوشهٔ فایل‌های SPSS</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="47"/>
        <source>SAS transport files (.xpt)…</source>
        <translation>فایل‌های انتقال SAS (.xpt)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="48"/>
        <source>Folder for the SAS files</source>
        <translation>پوشهٔ فایل‌های SAS</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="49"/>
        <source>CDISC SDTM datasets and define.xml…</source>
        <translation>مجموعه‌داده‌های CDISC SDTM و define.xml…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="50"/>
        <source>Folder for the SDTM files</source>
        <translation>پوشهٔ فایل‌های SDTM</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="51"/>
        <source>Analysis tables (one row per subject)…</source>
        <translation>جدول‌های تحلیل (یک ردیف برای هر بیمار)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="52"/>
        <source>Folder for the analysis tables</source>
        <translation>پوشهٔ جدول‌های تحلیل</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="53"/>
        <source>PRO-ACT tables…</source>
        <translation>جدول‌های PRO-ACT…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="54"/>
        <source>Folder for the PRO-ACT tables</source>
        <translation>پوشهٔ جدول‌های PRO-ACT</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="55"/>
        <source>Safety tables and primary outcomes…</source>
        <translation>جدول‌های ایمنی و پیامدهای اولیه…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="56"/>
        <source>Folder for the safety tables</source>
        <translation>پوشهٔ جدول‌های ایمنی</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="115"/>
        <source>Export: {what}</source>
        <translation>خروجی: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="119"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="129"/>
        <source>UTF-8 with byte order mark (for Excel)</source>
        <translation>UTF-8 با نشانهٔ ترتیب بایت (BOM، برای Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="132"/>
        <source>Include the audit trail and signatures</source>
        <translation>همراه با ردپای ممیزی و امضاها</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="135"/>
        <source>Include direct identifiers (names, record and telephone numbers, initials)</source>
        <translation>همراه با شناسه‌های مستقیم (نام‌ها، شمارهٔ پرونده و تلفن، حروف اول نام)</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="140"/>
        <source>Direct identifiers are left out; deleted log entries too. The export is recorded in the audit trail.</source>
        <translation>شناسه‌های مستقیم در خروجی نمی‌آیند؛ ورودی‌های حذف‌شدهٔ فهرست‌ها هم نمی‌آیند. این خروجی در ردپای ممیزی ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="149"/>
        <location filename="../../ui/export_actions.py" line="196"/>
        <location filename="../../ui/export_actions.py" line="201"/>
        <location filename="../../ui/export_actions.py" line="206"/>
        <location filename="../../ui/export_actions.py" line="232"/>
        <location filename="../../ui/export_actions.py" line="242"/>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="156"/>
        <location filename="../../ui/main_window.py" line="72"/>
        <location filename="../../ui/subjects.py" line="175"/>
        <source>Subjects</source>
        <translation>بیماران</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="130"/>
        <source>All events</source>
        <translation>همهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="130"/>
        <source>Instructions</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="131"/>
        <source>Case report form book</source>
        <translation>دفترچهٔ فرم گزارش مورد (CRF)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="132"/>
        <source>{study} · {protocol} · CRF version {version}</source>
        <translation>{study} · {protocol} · نسخهٔ CRF {version}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="136"/>
        <source>How to fill in these forms</source>
        <translation>راهنمای پر کردن این فرم‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="137"/>
        <source>Dates are YYYY/MM/DD, in the Solar Hijri calendar (e.g. 1405/09/16) or the Gregorian (e.g. 2026/12/07): both are read when the form is entered. Where a field allows a partial date, leave the day (or the day and the month) blank when they are not known.</source>
        <translation>تاریخ‌ها به صورت سال/ماه/روز نوشته می‌شوند، به تقویم هجری شمسی (مثلاً 1405/09/16) یا میلادی (مثلاً 2026/12/07): هنگام ورود فرم هر دو خوانده می‌شوند. جایی که فیلد تاریخ ناقص را می‌پذیرد، اگر روز (یا روز و ماه) معلوم نیست، آن را خالی بگذارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="141"/>
        <source>Dates are DD/MMM/YYYY, e.g. 05/MAR/2014. Where a field allows a partial date, leave the day (or the day and the month) blank when they are not known.</source>
        <translation>تاریخ‌ها به صورت DD/MMM/YYYY نوشته می‌شوند، مثلاً 05/MAR/2014. جایی که فیلد تاریخ ناقص را می‌پذیرد، اگر روز (یا روز و ماه) معلوم نیست، آن را خالی بگذارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="145"/>
        <source>Write clearly in black or blue ink, one character per box. Tick one box where choices are listed.</source>
        <translation>با خودکار مشکی یا آبی و خوانا بنویسید، در هر خانه یک نویسه. جایی که گزینه‌ها آمده‌اند، یک خانه را علامت بزنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="148"/>
        <source>Times are on the 24-hour clock, HH:MM, e.g. 14:30.</source>
        <translation>ساعت‌ها ۲۴ساعته و به صورت HH:MM نوشته می‌شوند، مثلاً 14:30.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="149"/>
        <source>When a value cannot be given, tick one of the missing-data codes the field allows instead of leaving it blank.</source>
        <translation>اگر مقداری را نمی‌توان داد، به جای خالی گذاشتن، یکی از کدهای دادهٔ گمشده‌ای را که فیلد می‌پذیرد علامت بزنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="151"/>
        <source>A field marked “Only if …” is filled in only when that condition holds.</source>
        <translation>فیلدی که با «فقط اگر …» مشخص شده، تنها وقتی پر می‌شود که آن شرط برقرار باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="152"/>
        <source>Fields marked * are required. Numbers must lie in the allowed range printed beside them.</source>
        <translation>فیلدهای دارای * الزامی‌اند. اعداد باید در بازهٔ مجازی باشند که کنارشان چاپ شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="154"/>
        <source>To correct an entry, strike it through with a single line so it stays readable, write the new value beside it, and add your initials and the date.</source>
        <translation>برای اصلاح، روی نوشته یک خط بکشید تا خوانا بماند، مقدار تازه را کنارش بنویسید و حروف اول نام خود و تاریخ را بیفزایید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="156"/>
        <source>Write the subject&apos;s code and initials in the boxes at the top of every page; never write the patient&apos;s name on these pages.</source>
        <translation>کد و حروف اول نام آزمودنی را در خانه‌های بالای هر صفحه بنویسید؛ هرگز نام بیمار را روی این صفحه‌ها ننویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="160"/>
        <source>Logs (forms with numbered rows) hold one entry per row. When a log page is full, continue on a copy of it and write the log page&apos;s number in the box at its top right.</source>
        <translation>در فهرست‌ها (فرم‌های دارای ردیف‌های شماره‌دار) هر ردیف یک مورد است. وقتی صفحهٔ فهرست پر شد، روی رونوشتی از آن ادامه دهید و شمارهٔ صفحهٔ فهرست را در خانهٔ بالای آن بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="164"/>
        <source>Missing-data codes</source>
        <translation>کدهای دادهٔ گمشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="165"/>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="165"/>
        <source>Meaning</source>
        <translation>معنا</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="168"/>
        <source>Events and their forms</source>
        <translation>ویزیت‌ها و فرم‌هایشان</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="170"/>
        <location filename="../../alsdesk/pdf/filled.py" line="127"/>
        <location filename="../../ui/export_actions.py" line="158"/>
        <source>Forms</source>
        <translation>فرم‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="183"/>
        <source>running log, any time</source>
        <translation>فهرست جاری، هر زمان</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="185"/>
        <source>any time, as often as needed</source>
        <translation>هر زمان، هر چند بار که لازم باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="187"/>
        <source>when it happens</source>
        <translation>هر گاه رخ دهد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="189"/>
        <source>h</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="189"/>
        <source>days</source>
        <translation>روز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="190"/>
        <source>target {target} {unit}; </source>
        <translation>هدف {target} {unit}؛ </translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="192"/>
        <source>window {low} to {high} {unit} from {anchor}</source>
        <translation>بازهٔ {low} تا {high} {unit} از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="210"/>
        <source>Event: {event}.</source>
        <translation>ویزیت: {event}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="213"/>
        <source>One entry on each copy of this page: number the entries 1, 2, 3 … in order.</source>
        <translation>روی هر رونوشت این صفحه یک مورد: موارد را به ترتیب 1، 2، 3 … شماره بزنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="218"/>
        <source>Entry number</source>
        <translation>شمارهٔ مورد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="224"/>
        <source>This form holds direct identifiers (such as the name, the record number and the telephone number). They are kept at the site on the subject identification log and are not printed in this book.</source>
        <translation>این فرم شناسه‌های مستقیم دارد (مانند نام، شمارهٔ پرونده و شمارهٔ تلفن). این‌ها در مرکز، در دفتر شناسایی آزمودنی‌ها نگه داشته می‌شوند و در این دفترچه چاپ نمی‌شوند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="253"/>
        <source>Calculated by ALS Desk when the form is entered (nothing to write here): {names}.</source>
        <translation>هنگام ورود فرم، ALS Desk این‌ها را محاسبه می‌کند (اینجا چیزی ننویسید): {names}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="262"/>
        <source>Only if</source>
        <translation>فقط اگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="279"/>
        <source>Partial date allowed: leave the day, or the day and the month, blank if unknown</source>
        <translation>تاریخ ناقص پذیرفته است: اگر روز، یا روز و ماه، معلوم نیست خالی بگذارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="283"/>
        <location filename="../../alsdesk/pdf/blank.py" line="285"/>
        <location filename="../../alsdesk/pdf/logpage.py" line="204"/>
        <source>24 h</source>
        <translation>۲۴ساعته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="291"/>
        <source>At most {n} characters</source>
        <translation>حداکثر {n} نویسه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="299"/>
        <source>or:</source>
        <translation>یا:</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="315"/>
        <source>{unit} (or the report&apos;s unit, next)</source>
        <translation>{unit} (یا واحد گزارش، در سطر بعد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="329"/>
        <location filename="../../alsdesk/pdf/signoff.py" line="152"/>
        <source>year</source>
        <translation>سال</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="329"/>
        <location filename="../../alsdesk/pdf/signoff.py" line="152"/>
        <source>month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="330"/>
        <location filename="../../alsdesk/pdf/signoff.py" line="153"/>
        <source>day</source>
        <translation>روز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="335"/>
        <source>HH</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="335"/>
        <source>MM</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="177"/>
        <source>Export into the folder</source>
        <translation>پوشهٔ مقصد خروجی</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="179"/>
        <source>Export to the ODM file</source>
        <translation>ذخیرهٔ خروجی در فایل ODM</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="180"/>
        <source>ODM XML (*.xml)</source>
        <translation>فایل ODM XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="196"/>
        <source>Choose where to write the export.</source>
        <translation>محل ذخیرهٔ خروجی را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="198"/>
        <source>Tick at least one subject.</source>
        <translation>دست‌کم یک بیمار را علامت بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="199"/>
        <source>Tick at least one form.</source>
        <translation>دست‌کم یک فرم را علامت بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="206"/>
        <source>{target} exists. Replace it?</source>
        <translation>{target} از پیش وجود دارد. جایگزین شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="230"/>
        <source>… and {n} more</source>
        <translation>… و {n} فایل دیگر</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="269"/>
        <source>Export the data as {format} files</source>
        <translation>خروجی گرفتن از داده‌ها به‌صورت فایل‌های {format}</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="272"/>
        <source>Codebook of the variables (HTML)…</source>
        <translation>کتابچهٔ کد متغیرها (HTML)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="274"/>
        <source>Every variable of the exports: label, type, unit, codes, missing codes, checks, CDISC names (from the study definition: no data)</source>
        <translation>همهٔ متغیرهای خروجی‌ها: برچسب، نوع، واحد، کدها، کدهای دادهٔ ناموجود، کنترل‌ها، نام‌های CDISC (برگرفته از تعریف مطالعه؛ بدون داده)</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="301"/>
        <source>Save the codebook</source>
        <translation>ذخیرهٔ کتابچهٔ کد</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="302"/>
        <source>HTML (*.html)</source>
        <translation>صفحهٔ HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="308"/>
        <location filename="../../ui/export_actions.py" line="311"/>
        <source>Codebook</source>
        <translation>کتابچهٔ کد</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="309"/>
        <source>The codebook was not saved: {error}</source>
        <translation>کتابچهٔ کد ذخیره نشد: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="311"/>
        <source>Saved the codebook to {path}.
Open it in a web browser; it prints as it shows.</source>
        <translation>کتابچهٔ کد در {path} ذخیره شد.
آن را در یک مرورگر وب باز کنید؛ همان‌گونه که نمایش داده می‌شود چاپ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Casebook</source>
        <translation>پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="39"/>
        <source>Time</source>
        <translation>تاریخ و ساعت</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="39"/>
        <location filename="../../ui/audit_viewer.py" line="176"/>
        <location filename="../../ui/double_report.py" line="79"/>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="40"/>
        <location filename="../../ui/audit_viewer.py" line="178"/>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="27"/>
        <source>not yet complete</source>
        <translation>هنوز کامل نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="28"/>
        <source>complete, not yet signed</source>
        <translation>کامل، هنوز امضا نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="29"/>
        <source>source data verified, not yet signed</source>
        <translation>دادهٔ منبع تأیید شده، هنوز امضا نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="30"/>
        <source>signed by the investigator</source>
        <translation>امضاشده به دست پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="32"/>
        <source>DELETED entry, kept with its history</source>
        <translation>مورد حذف‌شده، با تاریخچه‌اش نگه داشته شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="65"/>
        <source>Visit forms: {visit}</source>
        <translation>فرم‌های ویزیت: {visit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="68"/>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="69"/>
        <source>{visit}: filled forms</source>
        <translation>{visit}: فرم‌های پرشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="121"/>
        <source>{code} (initials {initials})</source>
        <translation>{code} (حروف اول نام {initials})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="124"/>
        <location filename="../../alsdesk/pdf/page.py" line="396"/>
        <location filename="../../ui/audit_viewer.py" line="41"/>
        <location filename="../../ui/audit_viewer.py" line="171"/>
        <location filename="../../ui/dashboard.py" line="112"/>
        <location filename="../../ui/dashboard.py" line="115"/>
        <location filename="../../ui/double_report.py" line="70"/>
        <location filename="../../ui/double_report.py" line="78"/>
        <location filename="../../ui/outcomes_view.py" line="107"/>
        <location filename="../../ui/queries.py" line="41"/>
        <location filename="../../ui/safety_page.py" line="86"/>
        <location filename="../../ui/subjects.py" line="52"/>
        <source>Subject</source>
        <translation>بیمار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="125"/>
        <source>Registered</source>
        <translation>ثبت‌شده در</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="126"/>
        <source>Eligibility (computed)</source>
        <translation>واجد شرایط بودن (محاسبه‌شده)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="128"/>
        <source>Data fingerprint</source>
        <translation>اثر انگشت داده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="141"/>
        <source>{total} entered ({parts}); {open} open or answered queries</source>
        <translation>{total} واردشده ({parts})؛ {open} پرسش باز یا پاسخ‌داده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="164"/>
        <source>No data entered for this event.</source>
        <translation>برای این ویزیت داده‌ای وارد نشده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="166"/>
        <source>Not started: {forms}</source>
        <translation>آغازنشده: {forms}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="190"/>
        <location filename="../../alsdesk/pdf/footer.py" line="82"/>
        <location filename="../../alsdesk/pdf/page.py" line="333"/>
        <source>CRF version {version}</source>
        <translation>نسخهٔ CRF {version}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="191"/>
        <source>, changed under {version}</source>
        <translation>، تغییریافته زیر نسخهٔ {version}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="194"/>
        <source>Last change {change}</source>
        <translation>آخرین تغییر {change}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="195"/>
        <source>Verified {verification}</source>
        <translation>تأییدشده {verification}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="205"/>
        <source>This form holds direct identifiers; they are not printed.</source>
        <translation>این فرم شناسه‌های مستقیم دارد؛ چاپ نمی‌شوند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="213"/>
        <source>Calculated by ALS Desk:</source>
        <translation>محاسبه‌شده به دست ALS Desk:</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="216"/>
        <source>Calculated</source>
        <translation>محاسبه‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="216"/>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="252"/>
        <location filename="../../alsdesk/pdf/logpage.py" line="286"/>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="252"/>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="254"/>
        <source>Answer / closed</source>
        <translation>پاسخ / بسته شد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="266"/>
        <source>Closed: {closed}</source>
        <translation>بسته شد: {closed}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="269"/>
        <source>Raised: {raised}</source>
        <translation>مطرح شد: {raised}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="169"/>
        <location filename="../../alsdesk/pdf/page.py" line="369"/>
        <location filename="../../ui/audit_viewer.py" line="41"/>
        <source>Event</source>
        <translation>ویزیت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/page.py" line="332"/>
        <source>CRF versions {versions}</source>
        <translation>نسخه‌های CRF {versions}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/page.py" line="370"/>
        <location filename="../../ui/audit_viewer.py" line="42"/>
        <location filename="../../ui/audit_viewer.py" line="173"/>
        <location filename="../../ui/dialogs_auth.py" line="292"/>
        <location filename="../../ui/double_report.py" line="70"/>
        <location filename="../../ui/double_report.py" line="77"/>
        <location filename="../../ui/main_window.py" line="73"/>
        <location filename="../../ui/main_window.py" line="184"/>
        <location filename="../../ui/queries.py" line="42"/>
        <source>Form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/page.py" line="400"/>
        <source>All subjects</source>
        <translation>همهٔ آزمودنی‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="42"/>
        <location filename="../../ui/audit_viewer.py" line="175"/>
        <location filename="../../ui/history.py" line="43"/>
        <location filename="../../ui/queries.py" line="42"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="43"/>
        <source>Old → new</source>
        <translation>قبلی ← جدید</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="115"/>
        <source>{time} (as stored, UTC) — row {row}</source>
        <translation>{time} (همان‌گونه که ذخیره شده، UTC) — ردیف {row}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="167"/>
        <location filename="../../ui/audit_viewer.py" line="328"/>
        <location filename="../../ui/audit_viewer.py" line="335"/>
        <location filename="../../ui/audit_viewer.py" line="342"/>
        <source>Audit trail</source>
        <translation>ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="182"/>
        <source>From date</source>
        <translation>از تاریخ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="183"/>
        <source>To date</source>
        <translation>تا تاریخ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="189"/>
        <source>&amp;Subject</source>
        <translation>&amp;بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="189"/>
        <source>Fo&amp;rm</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="190"/>
        <source>Fiel&amp;d</source>
        <translation>فیل&amp;د</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="190"/>
        <source>&amp;User</source>
        <translation>&amp;کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="191"/>
        <source>A&amp;ction</source>
        <translation>ا&amp;قدام</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="191"/>
        <source>Fro&amp;m</source>
        <translation>&amp;از</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="192"/>
        <source>&amp;To</source>
        <translation>&amp;تا</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="199"/>
        <source>C&amp;lear filters</source>
        <translation>پاک کردن فی&amp;لترها</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="205"/>
        <source>Audit trail rows</source>
        <translation>ردیف‌های ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="224"/>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;خروجی CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="242"/>
        <source>Write the rows the filters keep to a CSV file (the export is audited)</source>
        <translation>نوشتن ردیف‌هایی که فیلترها نگه می‌دارند در یک فایل CSV (این خروجی در ردپای ممیزی ثبت می‌شود)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="284"/>
        <source>{n:,} row, newest first</source>
        <translation>{n:,} ردیف، جدیدترین در ابتدا</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="285"/>
        <source>{n:,} rows, newest first</source>
        <translation>{n:,} ردیف، جدیدترین در ابتدا</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="309"/>
        <source>Export the audit trail</source>
        <translation>خروجی ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="310"/>
        <source>CSV (*.csv)</source>
        <translation>فایل CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="315"/>
        <location filename="../../ui/export_actions.py" line="214"/>
        <source>Exporting…</source>
        <translation>در حال تهیهٔ خروجی…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="322"/>
        <source>Exporting… {percent} %</source>
        <translation>در حال تهیهٔ خروجی… {percent}٪</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="262"/>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Queries</source>
        <translation>پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Database: {path}</source>
        <translation>پایگاه داده: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source> DEMO DATA (synthetic) </source>
        <translation> داده‌های نمایشی (ساختگی) </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>not logged in</source>
        <translation>وارد نشده</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Could not load the data</source>
        <translation>داده‌ها بارگذاری نشد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Casebook {subject}</source>
        <translation>پروندهٔ بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>Form: {label}</source>
        <translation>فرم: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Logged in: {who}</source>
        <translation>واردشده: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Not logged out</source>
        <translation>خروج انجام نشد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>{name} has changes to {what} that are not saved.

Only {name} can save them: enter the password and Unlock, then save.
If you switch user, they are kept only if {name} logs in again; for anyone else they are discarded, never saved under another name.

Switch user?</source>
        <translation>{name} تغییراتی در {what} دارد که ذخیره نشده‌اند.

فقط {name} می‌تواند آن‌ها را ذخیره کند: گذرواژه را وارد کنید و «باز کردن قفل» را بزنید، سپس ذخیره کنید.
اگر کاربر را تعویض کنید، این تغییرات فقط در صورتی نگه داشته می‌شوند که {name} دوباره وارد شود؛ برای هر کس دیگری دور ریخته می‌شوند و هرگز به نام کس دیگری ذخیره نمی‌شوند.

کاربر تعویض شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Welcome back: your changes to {what} are still on screen</source>
        <translation>خوش برگشتید: تغییرات شما در {what} همچنان روی صفحه است</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>The unsaved changes of {name} to {what} were discarded</source>
        <translation>تغییرات ذخیره‌نشدهٔ {name} در {what} دور ریخته شد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Account added: {user} ({role})</source>
        <translation>حساب افزوده شد: {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>The window now locks after {minutes} idle minutes</source>
        <translation>پنجره از این پس پس از {minutes} دقیقه بیکاری قفل می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>dates are shown as {format}</source>
        <translation>تاریخ‌ها به شکل {format} نشان داده می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="42"/>
        <location filename="../../ui/admin_users.py" line="230"/>
        <location filename="../../ui/dialogs_auth.py" line="215"/>
        <source>User id</source>
        <translation>شناسهٔ کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="42"/>
        <location filename="../../ui/admin_users.py" line="231"/>
        <location filename="../../ui/dialogs_auth.py" line="142"/>
        <source>Full name</source>
        <translation>نام کامل</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="43"/>
        <location filename="../../ui/admin_users.py" line="234"/>
        <location filename="../../ui/audit_viewer.py" line="40"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="43"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="44"/>
        <source>Locked until</source>
        <translation>قفل تا</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="44"/>
        <source>Last login</source>
        <translation>آخرین ورود</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="47"/>
        <source>Reset &amp;password…</source>
        <translation>بازنشانی &amp;گذرواژه…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="48"/>
        <location filename="../../ui/form_page.py" line="171"/>
        <source>&amp;Unlock…</source>
        <translation>با&amp;ز کردن قفل…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="49"/>
        <source>Change &amp;role…</source>
        <translation>تغییر &amp;نقش…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="50"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;غیرفعال کردن…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="51"/>
        <source>R&amp;eactivate…</source>
        <translation>فعال کردن &amp;دوباره…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="55"/>
        <source>Reset the password of the account {who}?</source>
        <translation>گذرواژهٔ حساب {who} بازنشانی شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="56"/>
        <source>Unlock the account {who}?</source>
        <translation>قفل حساب {who} باز شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="57"/>
        <source>Change the role of the account {who}?</source>
        <translation>نقش حساب {who} تغییر کند؟</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="58"/>
        <source>Deactivate the account {who}?</source>
        <translation>حساب {who} غیرفعال شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="59"/>
        <source>Reactivate the account {who}?</source>
        <translation>حساب {who} دوباره فعال شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="63"/>
        <source>Reset {user}</source>
        <translation>بازنشانی گذرواژهٔ {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="64"/>
        <source>Unlock {user}</source>
        <translation>باز کردن قفل {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="65"/>
        <source>Change {user}</source>
        <translation>تغییر نقش {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="66"/>
        <source>Deactivate {user}</source>
        <translation>غیرفعال کردن {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="67"/>
        <source>Reactivate {user}</source>
        <translation>فعال کردن دوبارهٔ {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="71"/>
        <source>The new password replaces the old one at once, and unlocks the account. Give it to the person privately.</source>
        <translation>گذرواژهٔ جدید بی‌درنگ جای گذرواژهٔ قبلی را می‌گیرد و قفل حساب را هم باز می‌کند. آن را به‌طور خصوصی به خود شخص بدهید.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="74"/>
        <source>The account can log in again at once; the count of wrong passwords starts again from zero.</source>
        <translation>این حساب بی‌درنگ دوباره می‌تواند وارد شود؛ شمارش گذرواژه‌های نادرست از صفر آغاز می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="77"/>
        <source>The role decides what the account may do from its next login.</source>
        <translation>نقش تعیین می‌کند که این حساب از ورود بعدی‌اش چه کارهایی می‌تواند انجام دهد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="79"/>
        <source>The account can no longer log in. It is not deleted: what it recorded and signed stays, and it can be reactivated.</source>
        <translation>این حساب دیگر نمی‌تواند وارد شود. حساب حذف نمی‌شود: آنچه ثبت و امضا کرده است باقی می‌ماند و می‌توان آن را دوباره فعال کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="82"/>
        <source>The account can log in again with its current password.</source>
        <translation>این حساب می‌تواند دوباره با گذرواژهٔ فعلی‌اش وارد شود.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="87"/>
        <source>New password set for {user}.</source>
        <translation>گذرواژهٔ جدید برای {user} تعیین شد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="88"/>
        <source>Unlocked {user}.</source>
        <translation>قفل {user} باز شد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="89"/>
        <source>Changed the role of {user}.</source>
        <translation>نقش {user} تغییر کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="90"/>
        <source>Deactivated {user}.</source>
        <translation>{user} غیرفعال شد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="91"/>
        <source>Reactivated {user}.</source>
        <translation>{user} دوباره فعال شد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="102"/>
        <source>A new password must be: {rules}.</source>
        <translation>شرایط گذرواژهٔ جدید: {rules}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="176"/>
        <source>{step}: {user}</source>
        <translation>{step}: {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="183"/>
        <source>New password</source>
        <translation>گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="184"/>
        <source>New password again</source>
        <translation>تکرار گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="185"/>
        <source>New &amp;password:</source>
        <translation>&amp;گذرواژهٔ جدید:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="186"/>
        <location filename="../../ui/admin_users.py" line="245"/>
        <source>Password a&amp;gain:</source>
        <translation>&amp;تکرار گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="191"/>
        <source>New role</source>
        <translation>نقش جدید</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="195"/>
        <source>New &amp;role:</source>
        <translation>&amp;نقش جدید:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="197"/>
        <source>kept in the audit trail</source>
        <translation>در ردپای ممیزی نگه داشته می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="198"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;دلیل:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="224"/>
        <source>New account</source>
        <translation>حساب جدید</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="225"/>
        <source>The new user logs in with this user id and password; the full name is printed with their signatures.</source>
        <translation>کاربر جدید با این شناسهٔ کاربری و گذرواژه وارد می‌شود؛ نام کامل همراه با امضاهای او چاپ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="227"/>
        <source>Add the account</source>
        <translation>افزودن حساب</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="237"/>
        <location filename="../../ui/dialogs_auth.py" line="143"/>
        <location filename="../../ui/dialogs_auth.py" line="217"/>
        <location filename="../../ui/dialogs_auth.py" line="273"/>
        <location filename="../../ui/idle_lock.py" line="98"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="238"/>
        <location filename="../../ui/dialogs_auth.py" line="144"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="240"/>
        <source>&amp;User id:</source>
        <translation>&amp;شناسهٔ کاربری:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="241"/>
        <source>Full &amp;name:</source>
        <translation>&amp;نام کامل:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="242"/>
        <source>&amp;Role:</source>
        <translation>ن&amp;قش:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="244"/>
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="278"/>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="281"/>
        <source>Accounts are never deleted: deactivate one that is no longer used. Every change is kept in the audit trail with its reason. Enter on a row shows what can be done to it.</source>
        <translation>حساب‌ها هرگز حذف نمی‌شوند: حسابی را که دیگر به کار نمی‌رود غیرفعال کنید. هر تغییر همراه با دلیلش در ردپای ممیزی نگه داشته می‌شود. با زدن Enter روی هر سطر، کارهایی که می‌توان روی آن حساب انجام داد نمایش داده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="284"/>
        <source>Accounts</source>
        <translation>حساب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="294"/>
        <source>&amp;New account…</source>
        <translation>&amp;حساب جدید…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="70"/>
        <location filename="../../ui/admin_users.py" line="330"/>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="70"/>
        <location filename="../../ui/admin_users.py" line="330"/>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="332"/>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="351"/>
        <source>Select an account first.</source>
        <translation>نخست یک حساب را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="353"/>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Add an account</source>
        <translation>افزودن یک حساب</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="402"/>
        <source>Added {user} ({role}).</source>
        <translation>{user} ({role}) افزوده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Site settings (idle lock)</source>
        <translation>تنظیمات مرکز (قفل در بیکاری)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Switch user</source>
        <translation>تعویض کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="37"/>
        <source>OK</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="69"/>
        <source>Type or pick the reason</source>
        <translation>دلیل را بنویسید یا از فهرست انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70"/>
        <source>&amp;Reason (kept in the audit trail):</source>
        <translation>&amp;دلیل (در ردپای ممیزی نگه داشته می‌شود):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>give the reason for the change: type it, or pick one with the Down arrow.</source>
        <translation>دلیل تغییر را بیان کنید: آن را بنویسید، یا با کلید جهت‌نمای پایین یکی را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Confirm with a note</source>
        <translation>تأیید با یادداشت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>These answers are unusual. If they are right, say why in a note: each note is kept as an open query for the monitor. Otherwise press Cancel and correct the form.</source>
        <translation>این پاسخ‌ها غیرمعمول‌اند. اگر درست‌اند، دلیلش را در یک یادداشت بنویسید: هر یادداشت به‌صورت یک پرسش باز برای پایشگر نگه داشته می‌شود. در غیر این صورت «انصراف» را بزنید و فرم را اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="103"/>
        <source>Note: {message}</source>
        <translation>یادداشت: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source>write a note for: {finding}</source>
        <translation>برای این مورد یادداشت بنویسید: {finding}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <source>Keep the answers with these notes</source>
        <translation>نگه‌داشتن پاسخ‌ها با این یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Enter is OK; Shift+Enter starts a new line</source>
        <translation>Enter یعنی تأیید؛ Shift+Enter سطر تازه‌ای آغاز می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="144"/>
        <source>the text is missing: type it above, then press Enter.</source>
        <translation>متن خالی است: آن را در بالا بنویسید، سپس Enter را بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="168"/>
        <source>New subject</source>
        <translation>بیمار جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171"/>
        <source>The new subject is registered in screening with the next screening number.</source>
        <translation>بیمار جدید در مرحلهٔ غربالگری و با شمارهٔ غربالگری بعدی ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/page.py" line="409"/>
        <location filename="../../alsdesk/pdf/page.py" line="416"/>
        <location filename="../../ui/dialogs.py" line="175"/>
        <location filename="../../ui/subjects.py" line="52"/>
        <source>Initials</source>
        <translation>حروف اول نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="177"/>
        <source>optional, 2 to 4 letters</source>
        <translation>اختیاری، ۲ تا ۴ حرف</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178"/>
        <source>&amp;Initials:</source>
        <translation>&amp;حروف اول نام:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="181"/>
        <source>Register</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="201"/>
        <source>Change the status of {subject}</source>
        <translation>تغییر وضعیت {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="205"/>
        <source>{subject} is &lt;b&gt;{status}&lt;/b&gt;. Choose the new status and give the reason; the audit trail keeps both.</source>
        <translation>وضعیت {subject} &lt;b&gt;{status}&lt;/b&gt; است. وضعیت جدید را انتخاب کنید و دلیل آن را بنویسید؛ ردپای ممیزی هر دو را نگه می‌دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <source>{subject} is &lt;b&gt;{status}&lt;/b&gt;. Its status follows its data: no other status can be chosen by hand now (why, below).</source>
        <translation>وضعیت {subject} &lt;b&gt;{status}&lt;/b&gt; است. وضعیت این بیمار از داده‌هایش پیروی می‌کند: اکنون هیچ وضعیت دیگری را نمی‌توان دستی انتخاب کرد (دلیلش در پایین آمده است).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>New status</source>
        <translation>وضعیت جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="217"/>
        <source>— choose the new status —</source>
        <translation>— وضعیت جدید را انتخاب کنید —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="222"/>
        <source>{status} (not possible now)</source>
        <translation>{status} (اکنون ممکن نیست)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="232"/>
        <location filename="../../ui/form_actions.py" line="130"/>
        <source>Reason for the change</source>
        <translation>دلیل تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="233"/>
        <source>Why the status changes</source>
        <translation>چرا وضعیت تغییر می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="234"/>
        <source>&amp;New status:</source>
        <translation>وضعیت &amp;جدید:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Not possible now:</source>
        <translation>اکنون ممکن نیست:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="277"/>
        <source>Choose the new status first (arrow keys or the first letter).</source>
        <translation>نخست وضعیت جدید را انتخاب کنید (با کلیدهای جهت‌نما یا حرف اول).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Give the reason for changing {subject} to {status}.</source>
        <translation>دلیل تغییر وضعیت {subject} به {status} را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="285"/>
        <source>Confirm the status change</source>
        <translation>تأیید تغییر وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="286"/>
        <source>Change {subject} from {old} to {new}?</source>
        <translation>وضعیت {subject} از {old} به {new} تغییر کند؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289"/>
        <source>Reason: {reason}</source>
        <translation>دلیل: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="290"/>
        <source>Change to {status}</source>
        <translation>تغییر به {status}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="292"/>
        <source>Go back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="308"/>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Lock the window after this many idle minutes</source>
        <translation>قفل شدن پنجره پس از این تعداد دقیقه بی‌کاری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="316"/>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="317"/>
        <source>&amp;Lock the window when idle for:</source>
        <translation>&amp;قفل کردن پنجره پس از بی‌کاری به مدت:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="321"/>
        <source>How dates are written on screen</source>
        <translation>شیوهٔ نوشتن تاریخ‌ها روی صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="324"/>
        <source>&amp;Dates on screen:</source>
        <translation>&amp;تاریخ‌ها روی صفحه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="327"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="410"/>
        <source>About ALS Desk</source>
        <translation>دربارهٔ ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>ALS Desk — electronic data capture

{title}
{study}, protocol {protocol}, {site}
CRF version {crf_version}

Database: {path}</source>
        <translation>ALS Desk — سامانهٔ ثبت الکترونیکی داده‌ها

{title}
{study}، پروتکل {protocol}، {site}
نسخهٔ CRF {crf_version}

پایگاه داده: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>Close ALS Desk</source>
        <translation>بستن ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>The window is locked: changes not saved on screen will be lost. Close anyway?</source>
        <translation>پنجره قفل است: تغییراتی که روی صفحه ذخیره نشده‌اند از دست می‌روند. با این حال بسته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/language_switch.py" line="101"/>
        <source>The window is now in English.</source>
        <translation>The window is now in English.</translation>
    </message>
    <message>
        <location filename="../../ui/language_switch.py" line="102"/>
        <source>The window is now in Persian.</source>
        <translation>پنجره اکنون به زبان فارسی است.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="36"/>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="36"/>
        <source>CRF version</source>
        <translation>نسخهٔ CRF</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="37"/>
        <source>Loaded at</source>
        <translation>زمان بارگذاری</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="37"/>
        <source>By</source>
        <translation>توسط</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="38"/>
        <source>Forms entered</source>
        <translation>فرم‌های واردشده</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="38"/>
        <location filename="../../ui/admin_users.py" line="196"/>
        <location filename="../../ui/audit_viewer.py" line="43"/>
        <location filename="../../ui/dialogs.py" line="67"/>
        <location filename="../../ui/history.py" line="45"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="46"/>
        <source>{reason}: nothing can be amended in this window.</source>
        <translation>{reason}: در این پنجره چیزی را نمی‌توان اصلاح کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="59"/>
        <location filename="../../ui/admin_study.py" line="163"/>
        <location filename="../../ui/study_choice.py" line="55"/>
        <source>Study definition</source>
        <translation>تعریف مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="68"/>
        <source>Stored study definitions</source>
        <translation>تعریف‌های ذخیره‌شدهٔ مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="83"/>
        <source>A&amp;mend…</source>
        <translation>&amp;اصلاح…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="89"/>
        <location filename="../../ui/admin_users.py" line="303"/>
        <location filename="../../ui/audit_viewer.py" line="228"/>
        <location filename="../../ui/dialogs.py" line="252"/>
        <location filename="../../ui/pdf_preview.py" line="70"/>
        <location filename="../../ui/queries.py" line="265"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="104"/>
        <source>The database works under &lt;b&gt;{study}&lt;/b&gt; CRF version &lt;b&gt;{crf_version}&lt;/b&gt; (stored version {version}): {summary}.</source>
        <translation>پایگاه داده با &lt;b&gt;{study}&lt;/b&gt;، نسخهٔ CRF &lt;b&gt;{crf_version}&lt;/b&gt; کار می‌کند (نسخهٔ ذخیره‌شدهٔ {version}): {summary}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="114"/>
        <source>The stored versions cannot be read: {error}</source>
        <translation>نسخه‌های ذخیره‌شده خوانده نمی‌شوند: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="131"/>
        <source>Load a newer version of the definition file, see every change and what it does to the data, and apply it</source>
        <translation>نسخهٔ جدیدتری از فایل تعریف را بارگذاری کنید، هر تغییر و اثر آن بر داده‌ها را ببینید و آن را اعمال کنید</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="135"/>
        <source>Each amendment is stored as a new version; forms keep the version they were entered under.</source>
        <translation>هر اصلاحیه به‌عنوان نسخه‌ای جدید ذخیره می‌شود؛ فرم‌ها نسخه‌ای را که با آن وارد شده‌اند نگه می‌دارند.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="148"/>
        <location filename="../../ui/amend_dialog.py" line="142"/>
        <source>Amended study definition</source>
        <translation>تعریف اصلاح‌شدهٔ مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="164"/>
        <source>The database now works under {study} CRF version {crf_version} (stored version {version}). Forms entered before keep their version.</source>
        <translation>پایگاه داده اکنون با {study}، نسخهٔ CRF {crf_version} کار می‌کند (نسخهٔ ذخیره‌شدهٔ {version}). فرم‌هایی که پیش‌تر وارد شده‌اند نسخهٔ خود را نگه می‌دارند.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_study.py" line="171"/>
        <source>Study definition amended</source>
        <translation>تعریف مطالعه اصلاح شد</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="42"/>
        <source>REFUSED</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="60"/>
        <source>Amend the study definition</source>
        <translation>اصلاح تعریف مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="65"/>
        <source>The database works under &lt;b&gt;{study}&lt;/b&gt; CRF version &lt;b&gt;{crf_version}&lt;/b&gt; (stored version {version}).</source>
        <translation>پایگاه داده با &lt;b&gt;{study}&lt;/b&gt;، نسخهٔ CRF &lt;b&gt;{crf_version}&lt;/b&gt; کار می‌کند (نسخهٔ ذخیره‌شدهٔ {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="78"/>
        <source>&amp;Choose another file…</source>
        <translation>&amp;انتخاب فایل دیگر…</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="90"/>
        <source>Changes and what they do to the data</source>
        <translation>تغییرها و اثر آن‌ها بر داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="100"/>
        <source>Reason for the amendment</source>
        <translation>دلیل اصلاحیه</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="101"/>
        <source>the protocol amendment&apos;s number and date (kept in the audit trail)</source>
        <translation>شماره و تاریخ اصلاحیهٔ پروتکل (در ردپای ممیزی نگه داشته می‌شود)</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="105"/>
        <source>Your password</source>
        <translation>گذرواژهٔ شما</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="107"/>
        <location filename="../../ui/dialogs.py" line="235"/>
        <source>&amp;Reason:</source>
        <translation>&amp;دلیل:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="108"/>
        <source>Your pass&amp;word:</source>
        <translation>&amp;گذرواژهٔ شما:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="120"/>
        <source>give the reason for the amendment (for example the protocol amendment&apos;s number and date).</source>
        <translation>دلیل اصلاحیه را بنویسید (برای نمونه شماره و تاریخ اصلاحیهٔ پروتکل).</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="122"/>
        <source>type your password to apply the amendment.</source>
        <translation>برای اعمال اصلاحیه، گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="165"/>
        <source>File: &lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>فایل: &lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="173"/>
        <source>This file cannot amend the database:</source>
        <translation>این فایل نمی‌تواند پایگاه داده را اصلاح کند:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="175"/>
        <source>Nothing will change. Correct the file, or choose another.</source>
        <translation>هیچ چیز تغییر نمی‌کند. فایل را اصلاح کنید یا فایل دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="182"/>
        <source>{study}: CRF version {old} → {new}, stored as version {version}.</source>
        <translation>{study}: نسخهٔ CRF از {old} به {new}، ذخیره‌شده به‌عنوان نسخهٔ {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="185"/>
        <source>{n} change</source>
        <translation>{n} تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="185"/>
        <source>{n} changes</source>
        <translation>{n} تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="186"/>
        <source>, {n} refused:</source>
        <translation>، {n} مورد رد شد:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="190"/>
        <source>Nothing will change: {refused} of the {n} changes is refused. Write the definition again without them (each says what to do instead), then choose the file again.</source>
        <translation>هیچ چیز تغییر نمی‌کند: {refused} مورد از {n} تغییر رد شده است. تعریف را بدون آن دوباره بنویسید (هر مورد رد شده می‌گوید به‌جای آن چه باید کرد)، سپس فایل را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="193"/>
        <source>Nothing will change: {refused} of the {n} changes are refused. Write the definition again without them (each says what to do instead), then choose the file again.</source>
        <translation>هیچ چیز تغییر نمی‌کند: {refused} مورد از {n} تغییر رد شده‌اند. تعریف را بدون آن‌ها دوباره بنویسید (هر مورد رد شده می‌گوید به‌جای آن چه باید کرد)، سپس فایل را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="200"/>
        <source>Apply stores this definition as version {version}, with your reason, in the audit trail. Forms entered before keep the version they were entered under; new ones follow the new definition.</source>
        <translation>با «اعمال»، این تعریف به‌عنوان نسخهٔ {version} و همراه با دلیل شما در ردپای ممیزی ذخیره می‌شود. فرم‌هایی که پیش‌تر وارد شده‌اند نسخه‌ای را که با آن وارد شده‌اند نگه می‌دارند؛ فرم‌های جدید از تعریف جدید پیروی می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="207"/>
        <source>A&amp;pply as version {version}</source>
        <translation>ا&amp;عمال به‌عنوان نسخهٔ {version}</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="208"/>
        <source>A&amp;pply</source>
        <translation>ا&amp;عمال</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="213"/>
        <source>Nothing can be applied: {why}</source>
        <translation>هیچ چیز اعمال نمی‌شود: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="55"/>
        <location filename="../../ui/app.py" line="60"/>
        <location filename="../../ui/reliability.py" line="55"/>
        <location filename="../../ui/reliability.py" line="65"/>
        <location filename="../../ui/reliability.py" line="80"/>
        <source>Cannot open the database</source>
        <translation>پایگاه داده باز نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="60"/>
        <source>The database has no accounts yet and is open read-only: nobody can log in.</source>
        <translation>این پایگاه داده هنوز هیچ حسابی ندارد و فقط‌خواندنی باز شده است: هیچ‌کس نمی‌تواند وارد شود.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="93"/>
        <source>The database was not opened.</source>
        <translation>پایگاه داده باز نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="229"/>
        <source>ALS Desk cannot start</source>
        <translation>ALS Desk نمی‌تواند اجرا شود</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="58"/>
        <location filename="../../ui/casebook.py" line="170"/>
        <source>No subject open</source>
        <translation>هیچ بیماری باز نیست</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="62"/>
        <location filename="../../ui/casebook.py" line="171"/>
        <source>Open a subject from the Subjects list.</source>
        <translation>یک بیمار را از فهرست بیماران باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="66"/>
        <location filename="../../ui/dialogs.py" line="246"/>
        <source>Change status…</source>
        <translation>تغییر وضعیت…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="69"/>
        <source>New unscheduled visit</source>
        <translation>ویزیت خارج از برنامهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="72"/>
        <source>Sign visit…</source>
        <translation>امضای ویزیت…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="75"/>
        <source>Lock casebook…</source>
        <translation>قفل کردن پروندهٔ بیمار…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="109"/>
        <source>V&amp;isits</source>
        <translation>&amp;ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="111"/>
        <source>&amp;Schedule</source>
        <translation>&amp;برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="116"/>
        <source>Eligibility (computed from the screening forms)</source>
        <translation>واجد شرایط بودن (محاسبه‌شده از فرم‌های غربالگری)</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="122"/>
        <source>Infusion dose</source>
        <translation>دوز تزریق</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="125"/>
        <source>&amp;Eligibility and dose</source>
        <translation>&amp;واجد شرایط بودن و دوز</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="130"/>
        <location filename="../../ui/casebook.py" line="159"/>
        <location filename="../../ui/outcomes_view.py" line="94"/>
        <source>Primary outcomes (72 h)</source>
        <translation>پیامدهای اولیه (۷۲ ساعت)</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="143"/>
        <location filename="../../ui/casebook.py" line="182"/>
        <location filename="../../ui/casebook.py" line="245"/>
        <source>{label}s</source>
        <translation>{label}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="184"/>
        <source>No subject open.</source>
        <translation>هیچ بیماری باز نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="199"/>
        <source>no visit scheduled</source>
        <translation>ویزیتی برنامه‌ریزی نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="202"/>
        <source>{n} forms await the investigator&apos;s signature</source>
        <translation>{n} فرم در انتظار امضای پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="203"/>
        <source>{n} form awaits the investigator&apos;s signature</source>
        <translation>{n} فرم در انتظار امضای پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="205"/>
        <source>{status}{initials} · next: {next}{unsigned}</source>
        <translation>{status}{initials} · ویزیت بعدی: {next}{unsigned}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="269"/>
        <source>&lt;b&gt;Eligibility:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;واجد شرایط بودن:&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="299"/>
        <location filename="../../ui/print_actions.py" line="173"/>
        <source>Open a subject first.</source>
        <translation>ابتدا پروندهٔ یک بیمار را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="301"/>
        <source>Screen failure, withdrawal ... with a reason; enrolment follows the infusion, completion and death the end-of-study form</source>
        <translation>شکست غربالگری، خروج از مطالعه و ... همراه با دلیل؛ ورود به مطالعه پس از تزریق ثبت می‌شود، و پایان مطالعه و فوت بر پایهٔ فرم پایان مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="304"/>
        <source>Record a visit outside the schedule</source>
        <translation>ثبت ویزیتی خارج از برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="307"/>
        <source>Select a visit in the matrix first.</source>
        <translation>ابتدا یک ویزیت را در جدول ویزیت‌ها انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="308"/>
        <source>Sign every complete form of the selected visit</source>
        <translation>امضای همهٔ فرم‌های کامل ویزیتِ انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="310"/>
        <source>Lock every form of this subject, once the investigator has signed what the protocol has signed</source>
        <translation>قفل کردن همهٔ فرم‌های این بیمار، پس از آنکه پژوهشگر هر آنچه را پروتکل امضایش را خواسته امضا کرده باشد</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="335"/>
        <source>Status not changed</source>
        <translation>وضعیت تغییر نکرد</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="337"/>
        <source>{subject} is now {status} (was {was}).</source>
        <translation>وضعیت {subject} اکنون {status} است (پیش‌تر: {was}).</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="360"/>
        <source>Nothing to sign</source>
        <translation>چیزی برای امضا کردن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="361"/>
        <source>{label}, subject {subject}: {refusal} {warning}</source>
        <translation>{label}، بیمار {subject}: {refusal} {warning}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="366"/>
        <source>{label}, subject {subject}</source>
        <translation>{label}، بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="371"/>
        <source>Signed the {label} visit of {subject}</source>
        <translation>ویزیت {label} بیمار {subject} امضا شد</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="384"/>
        <location filename="../../ui/casebook.py" line="387"/>
        <location filename="../../ui/casebook.py" line="402"/>
        <source>Casebook not locked</source>
        <translation>پروندهٔ بیمار قفل نشد</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="389"/>
        <source>Lock every form of {subject}? Nobody can change them until unlocked.</source>
        <translation>همهٔ فرم‌های {subject} قفل شود؟ تا باز کردن قفل، هیچ‌کس نمی‌تواند آن‌ها را تغییر دهد.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="392"/>
        <source>{warning} The study allows locking all the same. {ask}</source>
        <translation>{warning} با این حال، مطالعه اجازهٔ قفل کردن را می‌دهد. {ask}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="394"/>
        <source>Lock casebook</source>
        <translation>قفل کردن پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="395"/>
        <source>{ask} A reason is optional.</source>
        <translation>{ask} نوشتن دلیل اختیاری است.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="404"/>
        <source>Locked the casebook of {subject} ({n} forms).</source>
        <translation>پروندهٔ بیمار {subject} قفل شد ({n} فرم).</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="407"/>
        <source>Casebook locked with unsigned forms</source>
        <translation>پروندهٔ بیمار با فرم‌های امضانشده قفل شد</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="36"/>
        <source>ALSFRS-R total and FVC % predicted over time</source>
        <translation>نمرهٔ کل ALSFRS-R و درصد پیش‌بینی‌شدهٔ FVC در طول زمان</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="44"/>
        <source>ALSFRS-R total (0-48)</source>
        <translation>نمرهٔ کل ALSFRS-R (0-48)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="46"/>
        <source>FVC % predicted</source>
        <translation>FVC (% پیش‌بینی‌شده)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="62"/>
        <source>Visit date</source>
        <translation>تاریخ ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/choice_editor.py" line="59"/>
        <source>Clear the answer (Delete key)</source>
        <translation>پاک کردن پاسخ (کلید Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/choice_editor.py" line="60"/>
        <source>{label}: clear the answer</source>
        <translation>{label}: پاک کردن پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/choice_editor.py" line="75"/>
        <source>{field}: {choice} (code {code})</source>
        <translation>{field}: {choice} (کد {code})</translation>
    </message>
    <message>
        <location filename="../../ui/choice_editor.py" line="94"/>
        <source>Answer: {code} {answer}</source>
        <translation>پاسخ: {code} {answer}</translation>
    </message>
    <message>
        <location filename="../../ui/choice_editor.py" line="95"/>
        <source>No answer</source>
        <translation>بدون پاسخ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="55"/>
        <source>screening</source>
        <translation>غربالگری</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="55"/>
        <source>screen failure</source>
        <translation>رد در غربالگری</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="56"/>
        <location filename="../../ui/dashboard.py" line="76"/>
        <source>enrolled</source>
        <translation>واردشده به مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="56"/>
        <source>completed</source>
        <translation>پایان‌یافته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="57"/>
        <source>withdrawn</source>
        <translation>خارج‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="57"/>
        <source>died</source>
        <translation>فوت‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="58"/>
        <source>not started</source>
        <translation>شروع نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="58"/>
        <source>in progress</source>
        <translation>در حال تکمیل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="59"/>
        <source>complete</source>
        <translation>کامل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="61"/>
        <source>deleted</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="61"/>
        <source>open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="62"/>
        <source>answered</source>
        <translation>پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="62"/>
        <source>closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="64"/>
        <source>not due</source>
        <translation>هنوز موعد نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="64"/>
        <source>due</source>
        <translation>موعد رسیده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="65"/>
        <source>in window</source>
        <translation>در بازهٔ زمانی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="65"/>
        <source>overdue</source>
        <translation>از موعد گذشته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="66"/>
        <source>done in window</source>
        <translation>انجام‌شده در بازهٔ زمانی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="66"/>
        <source>done out of window</source>
        <translation>انجام‌شده خارج از بازهٔ زمانی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="67"/>
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="67"/>
        <source>not scheduled</source>
        <translation>برنامه‌ریزی نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="68"/>
        <source>not expected</source>
        <translation>مورد انتظار نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="71"/>
        <source>not assessable</source>
        <translation>قابل ارزیابی نیست</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="81"/>
        <source>visits in window or due</source>
        <translation>ویزیت‌های در بازهٔ زمانی یا سررسیده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="86"/>
        <source>visits overdue</source>
        <translation>ویزیت‌های عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="87"/>
        <location filename="../../ui/dashboard.py" line="205"/>
        <source>open queries</source>
        <translation>پرسش‌های باز</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="92"/>
        <source>serious adverse events</source>
        <translation>عوارض ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="100"/>
        <location filename="../../ui/dashboard.py" line="151"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="106"/>
        <location filename="../../ui/dashboard.py" line="226"/>
        <source>Updated {now:%H:%M}</source>
        <translation>به‌روزشده در ساعت {now:%H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="107"/>
        <location filename="../../ui/dashboard.py" line="174"/>
        <source>Updating…</source>
        <translation>در حال به‌روزرسانی…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="112"/>
        <location filename="../../ui/double_report.py" line="70"/>
        <location filename="../../ui/queries.py" line="41"/>
        <location filename="../../ui/schedule_table.py" line="84"/>
        <source>Visit</source>
        <translation>ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="112"/>
        <location filename="../../ui/schedule_table.py" line="84"/>
        <source>Target</source>
        <translation>زمان هدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="113"/>
        <location filename="../../ui/help.py" line="118"/>
        <location filename="../../ui/schedule_table.py" line="85"/>
        <source>Window</source>
        <translation>پنجره</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="125"/>
        <location filename="../../alsdesk/pdf/filled.py" line="253"/>
        <location filename="../../ui/dashboard.py" line="113"/>
        <location filename="../../ui/dialogs_auth.py" line="292"/>
        <location filename="../../ui/log_tables.py" line="58"/>
        <location filename="../../ui/queries.py" line="43"/>
        <location filename="../../ui/schedule_table.py" line="86"/>
        <location filename="../../ui/subjects.py" line="53"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>SAE report</source>
        <translation>گزارش عارضهٔ ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="116"/>
        <source>Adverse event</source>
        <translation>عارضهٔ ناخواسته</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="116"/>
        <source>Start</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="117"/>
        <source>Outcome</source>
        <translation>پیامد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="118"/>
        <source>Visits in window, due or overdue</source>
        <translation>ویزیت‌های در بازهٔ زمانی، سررسیده یا عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="119"/>
        <source>Serious adverse events</source>
        <translation>عوارض ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>ALSFRS-R and FVC over time</source>
        <translation>ALSFRS-R و FVC در طول زمان</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="138"/>
        <source>&amp;Subject:</source>
        <translation>&amp;بیمار:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="141"/>
        <source>Subject shown in the chart</source>
        <translation>بیمارِ نمایش‌داده‌شده در نمودار</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="192"/>
        <source>{percent} % of target</source>
        <translation>{percent}٪ از هدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="195"/>
        <source>due: opens in ≤ {days:g} days</source>
        <translation>سررسیده: بازهٔ زمانی ظرف ≤ {days:g} روز باز می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="197"/>
        <source>In window: the visit&apos;s window is open now. Due: its window opens within {days:g} days (the study&apos;s due_ahead_days).</source>
        <translation>در بازهٔ زمانی: بازهٔ زمانی ویزیت اکنون باز است. سررسیده: بازهٔ زمانی آن ظرف {days:g} روز باز می‌شود (due_ahead_days مطالعه).</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>open query</source>
        <translation>پرسش باز</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="206"/>
        <source>{n} answered, to close</source>
        <translation>{n} پاسخ‌داده‌شده، در انتظار بستن</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="207"/>
        <source>none answered, to close</source>
        <translation>هیچ پرسش پاسخ‌داده‌شده‌ای در انتظار بستن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="208"/>
        <source>Open: waiting for the site&apos;s answer. Answered: waiting for the monitor to close them.</source>
        <translation>باز: در انتظار پاسخ مرکز. پاسخ‌داده‌شده: در انتظار بستن به دست پایشگر.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <location filename="../../ui/sae_view.py" line="66"/>
        <source>reports up to date</source>
        <translation>گزارش‌ها به‌روز است</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="264"/>
        <source>{n} report OVERDUE</source>
        <translation>{n} گزارش عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="264"/>
        <source>{n} reports OVERDUE</source>
        <translation>{n} گزارش عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="266"/>
        <source>{n} due</source>
        <translation>{n} سررسیده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="267"/>
        <source>no SAE report due</source>
        <translation>هیچ گزارش عارضهٔ ناخواستهٔ جدی سررسید نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="282"/>
        <source>No subject has ALSFRS-R or FVC data yet</source>
        <translation>هنوز هیچ بیماری دادهٔ ALSFRS-R یا FVC ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="283"/>
        <location filename="../../ui/dashboard.py" line="294"/>
        <source>Subject {code}: no dated visit with ALSFRS-R or FVC yet</source>
        <translation>بیمار {code}: هنوز ویزیت تاریخ‌داری با ALSFRS-R یا FVC ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="293"/>
        <source>Subject {code}</source>
        <translation>بیمار {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="295"/>
        <source>No subject with data yet</source>
        <translation>هنوز هیچ بیماری داده ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="22"/>
        <source>✔ met</source>
        <translation>✔ برآورده شده</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="22"/>
        <source>✖ not met</source>
        <translation>✖ برآورده نشده</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="23"/>
        <source>? not known</source>
        <translation>؟ نامعلوم</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="42"/>
        <source>Eligibility criteria</source>
        <translation>معیارهای واجد شرایط بودن</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="43"/>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="43"/>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="43"/>
        <source>Detail</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="59"/>
        <source>Eligibility is not defined for this study.</source>
        <translation>واجد شرایط بودن برای این مطالعه تعریف نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="83"/>
        <source>Calculated by ALS Desk</source>
        <translation>محاسبه‌شده توسط ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/deviation_offer.py" line="33"/>
        <source>Note: {note}</source>
        <translation>یادداشت: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/deviation_offer.py" line="36"/>
        <source>Record a protocol deviation?</source>
        <translation>انحراف از پروتکل ثبت شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/deviation_offer.py" line="37"/>
        <source>{listed}

Record this in the protocol-deviation log of {subject} now? A draft entry is made with the date, category and description filled in; its importance and the action taken are left for you to complete.</source>
        <translation>{listed}

اکنون در فهرست انحراف‌های از پروتکل بیمار {subject} ثبت شود؟ یک ورودی پیش‌نویس با تاریخ، دسته و شرحِ پرشده ساخته می‌شود؛ تکمیل اهمیت آن و اقدام انجام‌شده با شماست.</translation>
    </message>
    <message>
        <location filename="../../ui/deviation_offer.py" line="51"/>
        <source>Deviation not recorded</source>
        <translation>انحراف از پروتکل ثبت نشد</translation>
    </message>
    <message>
        <location filename="../../ui/deviation_offer.py" line="55"/>
        <source>Deviation recorded as a draft: {form}, entry {entry} of {subject} — complete it there.</source>
        <translation>انحراف از پروتکل به‌صورت پیش‌نویس ثبت شد: {form}، ورودی {entry} بیمار {subject} — آن را همان‌جا تکمیل کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialog_guide.py" line="43"/>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="50"/>
        <source>The password needs {rules}.</source>
        <translation>شرایط گذرواژه: {rules}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="129"/>
        <source>There is no database at &lt;b&gt;{path}&lt;/b&gt;.</source>
        <translation>در &lt;b&gt;{path}&lt;/b&gt; هیچ پایگاه داده‌ای وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="130"/>
        <source>The database has no users yet: &lt;b&gt;{path}&lt;/b&gt;.</source>
        <translation>این پایگاه داده هنوز هیچ کاربری ندارد: &lt;b&gt;{path}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="132"/>
        <source>ALS Desk — first start</source>
        <translation>ALS Desk — نخستین اجرا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="133"/>
        <source>Create the first administrator account. The administrator adds the nurses, investigators and monitors; it does not enter clinical data.</source>
        <translation>نخستین حساب مدیر سامانه را بسازید. مدیر سامانه پرستاران، پژوهشگران و پایشگران را اضافه می‌کند؛ خودش دادهٔ بالینی وارد نمی‌کند.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="136"/>
        <source>Create</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="136"/>
        <source>Create the account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="141"/>
        <source>Administrator user id</source>
        <translation>شناسهٔ کاربری مدیر سامانه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="145"/>
        <location filename="../../ui/dialogs_auth.py" line="218"/>
        <source>User id:</source>
        <translation>شناسهٔ کاربری:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="146"/>
        <source>Full name:</source>
        <translation>نام کامل:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="148"/>
        <location filename="../../ui/dialogs_auth.py" line="219"/>
        <location filename="../../ui/dialogs_auth.py" line="276"/>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="149"/>
        <source>Password again:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="151"/>
        <source>type the administrator&apos;s user id.</source>
        <translation>شناسهٔ کاربری مدیر سامانه را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="152"/>
        <source>type the administrator&apos;s full name.</source>
        <translation>نام کامل مدیر سامانه را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="153"/>
        <source>choose a password.</source>
        <translation>یک گذرواژه انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="154"/>
        <source>type the password again, to be sure of it.</source>
        <translation>برای اطمینان، گذرواژه را دوباره بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="183"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>دو گذرواژه یکسان نیستند: یک گذرواژه را دو بار بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="212"/>
        <source>ALS Desk — log in</source>
        <translation>ALS Desk — ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="213"/>
        <source>Database: &lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>پایگاه داده: &lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="213"/>
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="228"/>
        <source>type your user id.</source>
        <translation>شناسهٔ کاربری خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="229"/>
        <source>type your password.</source>
        <translation>گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="258"/>
        <source>Electronic signature</source>
        <translation>امضای الکترونیکی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="259"/>
        <source>You are signing &lt;b&gt;{what}&lt;/b&gt;.&lt;br&gt;Your signature is the legally binding equivalent of a handwritten one (21 CFR 11). It is shown and printed with your name, the date and time, and its meaning.</source>
        <translation>شما &lt;b&gt;{what}&lt;/b&gt; را امضا می‌کنید.&lt;br&gt;امضای شما از نظر قانونی هم‌ارز امضای دست‌نویس است (21 CFR 11). این امضا همراه با نام شما، تاریخ و ساعت، و معنای آن نمایش داده و چاپ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="261"/>
        <location filename="../../ui/form_actions.py" line="254"/>
        <source>Sign</source>
        <translation>امضا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="269"/>
        <source>Meaning of the signature</source>
        <translation>معنای امضا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="274"/>
        <source>Signed by:</source>
        <translation>امضاکننده:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="275"/>
        <source>Meaning:</source>
        <translation>معنا:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="278"/>
        <source>type your password to sign.</source>
        <translation>برای امضا، گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="279"/>
        <source>give the meaning of the signature.</source>
        <translation>معنای امضا را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="292"/>
        <source>Completed by</source>
        <translation>تکمیل‌کننده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="292"/>
        <source>On</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="294"/>
        <source>&lt;b&gt;Forms this signature covers ({n}):&lt;/b&gt;</source>
        <translation>&lt;b&gt;فرم‌هایی که این امضا در بر می‌گیرد ({n}):&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="302"/>
        <source>Already signed or locked, left as they are: {forms}</source>
        <translation>از پیش امضاشده یا قفل‌شده، بدون تغییر می‌مانند: {forms}</translation>
    </message>
    <message>
        <location filename="../../ui/display_check.py" line="55"/>
        <source>ALS Desk cannot open its window: no display was found (DISPLAY and WAYLAND_DISPLAY are not set). Start it from the desktop of a logged-in session (or over SSH with X forwarding: ssh -X). The command-line tools work without a display: alsdesk --help.</source>
        <translation>ALS Desk نمی‌تواند پنجرهٔ خود را باز کند: هیچ نمایشگری پیدا نشد (DISPLAY و WAYLAND_DISPLAY تنظیم نشده‌اند). آن را از میز کار یک نشست واردشده اجرا کنید (یا از راه SSH با هدایت X: ssh -X). ابزارهای خط فرمان بدون نمایشگر هم کار می‌کنند: alsdesk --help.</translation>
    </message>
    <message>
        <location filename="../../ui/display_check.py" line="63"/>
        <source>ALS Desk cannot open its window: no Wayland desktop answers at WAYLAND_DISPLAY={display} and DISPLAY is not set. Start ALS Desk from the desktop of a logged-in session. The command-line tools work without a display: alsdesk --help.</source>
        <translation>ALS Desk نمی‌تواند پنجرهٔ خود را باز کند: هیچ میز کار Wayland در WAYLAND_DISPLAY={display} پاسخ نمی‌دهد و DISPLAY تنظیم نشده است. ALS Desk را از میز کار یک نشست واردشده اجرا کنید. ابزارهای خط فرمان بدون نمایشگر هم کار می‌کنند: alsdesk --help.</translation>
    </message>
    <message>
        <location filename="../../ui/display_check.py" line="70"/>
        <source>ALS Desk cannot open its window: no X server answers at DISPLAY={display}. Start ALS Desk from the desktop session (DISPLAY is set there), or start the X server first.</source>
        <translation>ALS Desk نمی‌تواند پنجرهٔ خود را باز کند: هیچ سرور X در DISPLAY={display} پاسخ نمی‌دهد. ALS Desk را از نشست میز کار اجرا کنید (آنجا DISPLAY تنظیم شده است)، یا نخست سرور X را راه‌اندازی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/display_check.py" line="77"/>
        <source>ALS Desk cannot open its window: Qt&apos;s X11 support needs system libraries that are not installed ({libraries}). Install them with:
    sudo apt-get install {packages}
then start ALS Desk again.</source>
        <translation>ALS Desk نمی‌تواند پنجرهٔ خود را باز کند: پشتیبانی X11 در Qt به کتابخانه‌های سیستمی‌ای نیاز دارد که نصب نشده‌اند ({libraries}). آن‌ها را با این فرمان نصب کنید:
    sudo apt-get install {packages}
سپس ALS Desk را دوباره اجرا کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/display_check.py" line="159"/>
        <source>ALS Desk cannot start its window: a system library Qt needs is not installed ({libraries}). Install it with:
    sudo apt-get install {packages}
then start ALS Desk again.</source>
        <translation>ALS Desk نمی‌تواند پنجرهٔ خود را راه‌اندازی کند: یک کتابخانهٔ سیستمی که Qt به آن نیاز دارد نصب نشده است ({libraries}). آن را با این فرمان نصب کنید:
    sudo apt-get install {packages}
سپس ALS Desk را دوباره اجرا کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="32"/>
        <source>HH:MM (24 h)</source>
        <translation>HH:MM (۲۴ ساعته)</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="43"/>
        <source>YYYY/MM/DD (Solar Hijri) or {day}</source>
        <translation>سال/ماه/روز (شمسی) یا {day}</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="47"/>
        <source>{day}, YYYY-MM or YYYY</source>
        <translation>{day}، YYYY-MM یا YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="48"/>
        <source>{day}, MMM/YYYY or YYYY</source>
        <translation>{day}، MMM/YYYY یا YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="161"/>
        <source>{min} to {max}</source>
        <translation>{min} تا {max}</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="186"/>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="187"/>
        <source>Pick the date from a calendar</source>
        <translation>انتخاب تاریخ از تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="188"/>
        <source>{label}: pick from a calendar</source>
        <translation>{label}: انتخاب از تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="212"/>
        <source>Now</source>
        <translation>اکنون</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="213"/>
        <source>Fill in the current date and time</source>
        <translation>درج تاریخ و ساعت کنونی</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="214"/>
        <source>Fill in the current time</source>
        <translation>درج ساعت کنونی</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="56"/>
        <source>local time</source>
        <translation>ساعت محلی</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="79"/>
        <source>&lt;b&gt;Signed&lt;/b&gt; by &lt;b&gt;{name}&lt;/b&gt; ({role}) on {when}&lt;br&gt;Meaning: &lt;i&gt;{meaning}&lt;/i&gt;</source>
        <translation>&lt;b&gt;امضا شد&lt;/b&gt; به دست &lt;b&gt;{name}&lt;/b&gt; ({role}) در {when}&lt;br&gt;معنای امضا: &lt;i&gt;{meaning}&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="85"/>
        <source>Signature of {name} on {when} voided on {voided}: {reason}</source>
        <translation>امضای {name} در {when}، در {voided} باطل شد: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="91"/>
        <source>Source data verified by {name} on {when}</source>
        <translation>راستی‌آزمایی دادهٔ منبع به دست {name} در {when}</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="178"/>
        <location filename="../../ui/double_entry.py" line="207"/>
        <location filename="../../ui/double_entry.py" line="211"/>
        <location filename="../../ui/form_actions.py" line="35"/>
        <source>Nothing was saved; what you typed is still on screen.</source>
        <translation>چیزی ذخیره نشد؛ آنچه وارد کرده‌اید هنوز روی صفحه است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="74"/>
        <source>That was the last form of {event} for {subject}.</source>
        <translation>این آخرین فرم {event} برای بیمار {subject} بود.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="101"/>
        <source>Subject {subject} · {where}{entry}</source>
        <translation>آزمودنی {subject} · {where}{entry}</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="114"/>
        <source>Second entry: {form}</source>
        <translation>ورود دوم: {form}</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="120"/>
        <source>Key the paper page again, as it is written. The first entry is not shown; the two are compared when you save, and any difference is resolved afterwards by the first keyer or a third person. F2 on a question: its missing-data codes.</source>
        <translation>برگهٔ کاغذی را همان‌طور که نوشته شده دوباره وارد کنید. ورود اول نشان داده نمی‌شود؛ هنگام ذخیره، این دو مقایسه می‌شوند و هر اختلاف را بعداً واردکنندهٔ اول یا شخص سومی حل می‌کند. F2 روی یک پرسش: کدهای دادهٔ گم‌شدهٔ آن.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="133"/>
        <source>&amp;Save second entry</source>
        <translation>&amp;ذخیرهٔ ورود دوم</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="135"/>
        <source>Compare with the first entry and keep this one (Ctrl+S)</source>
        <translation>مقایسه با ورود اول و نگه‌داشتن این ورود (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="160"/>
        <source>No missing-data code</source>
        <translation>بدون کد دادهٔ گم‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="176"/>
        <location filename="../../ui/double_entry.py" line="184"/>
        <location filename="../../ui/double_entry.py" line="206"/>
        <location filename="../../ui/double_entry.py" line="210"/>
        <location filename="../../ui/form_actions.py" line="91"/>
        <location filename="../../ui/form_actions.py" line="120"/>
        <location filename="../../ui/form_actions.py" line="147"/>
        <location filename="../../ui/form_actions.py" line="150"/>
        <source>Not saved</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="176"/>
        <location filename="../../ui/form_actions.py" line="91"/>
        <source>These entries cannot be read:</source>
        <translation>این ورودی‌ها قابل خواندن نیستند:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="184"/>
        <source>Nothing is typed: key the paper page first.</source>
        <translation>چیزی وارد نشده است: نخست برگهٔ کاغذی را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="189"/>
        <source>Required questions blank</source>
        <translation>پرسش‌های لازم خالی‌اند</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="217"/>
        <location filename="../../ui/double_entry.py" line="223"/>
        <source>Second entry saved</source>
        <translation>ورود دوم ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="218"/>
        <source>{fields} fields compared; {n} differ from the first entry:
{names}

The first keyer or a third person resolves them with the paper page (Form &gt; Resolve differences…); until then the form cannot be completed.</source>
        <translation>{fields} فیلد مقایسه شد؛ {n} فیلد با ورود اول فرق دارد:
{names}

واردکنندهٔ اول یا شخص سومی آن‌ها را با برگهٔ کاغذی حل می‌کند (فرم &gt; حل اختلاف‌ها…)؛ تا آن زمان فرم کامل نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="224"/>
        <source>{fields} fields compared: both entries agree. The form can now be marked complete.</source>
        <translation>{fields} فیلد مقایسه شد: هر دو ورود یکسان‌اند. اکنون می‌توان فرم را کامل اعلام کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="237"/>
        <source>Discard the second entry?</source>
        <translation>ورود دوم کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="238"/>
        <source>What you typed of the second entry is not saved. Close and discard it?</source>
        <translation>آنچه از ورود دوم وارد کرده‌اید ذخیره نشده است. بسته و کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="285"/>
        <source>(as the other entry up to character {a:,}; the other has more there)</source>
        <translation>(همانند ورود دیگر تا نویسهٔ {a:,}؛ ورود دیگر در آنجا بیشتر دارد)</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="288"/>
        <source>(characters {a:,} to {b:,} of {n:,} differ; the rest is as in the other entry)</source>
        <translation>(نویسه‌های {a:,} تا {b:,} از {n:,} فرق دارند؛ بقیه همانند ورود دیگر است)</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="310"/>
        <source>Resolve differences: {form}</source>
        <translation>حل اختلاف‌ها: {form}</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="315"/>
        <source>Look at the paper page. For each difference choose the value it holds (the first entry&apos;s, the second&apos;s, or type another) and say why. The first entry was keyed by {first}, the second by {second}.</source>
        <translation>به برگهٔ کاغذی نگاه کنید. برای هر اختلاف، مقداری را که برگه دارد برگزینید (مقدار ورود اول، ورود دوم، یا مقدار دیگری را وارد کنید) و دلیل را بنویسید. ورود اول را {first} و ورود دوم را {second} وارد کرده است.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="330"/>
        <source>&amp;Resolve</source>
        <translation>&amp;حل</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="331"/>
        <source>Put the chosen values into the form, with the reasons (Ctrl+Return)</source>
        <translation>گذاشتن مقادیر برگزیده در فرم، همراه با دلیل‌ها (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="361"/>
        <source>&amp;Another value:</source>
        <translation>&amp;مقدار دیگر:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="364"/>
        <source>as the paper page holds it; or a missing-data code ({codes})</source>
        <translation>همان‌طور که در برگهٔ کاغذی است؛ یا یک کد دادهٔ گم‌شده ({codes})</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="366"/>
        <source>as the paper page holds it</source>
        <translation>همان‌طور که در برگهٔ کاغذی است</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="373"/>
        <source>why (for example: as on the paper page)</source>
        <translation>چرا (برای نمونه: مطابق برگهٔ کاغذی)</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="385"/>
        <source>Reason:</source>
        <translation>دلیل:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="395"/>
        <source>Discard your choices?</source>
        <translation>انتخاب‌های شما کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="396"/>
        <source>Nothing is resolved yet. Close and discard the choices and reasons typed?</source>
        <translation>هنوز چیزی حل نشده است. بسته شود و انتخاب‌ها و دلیل‌های واردشده کنار گذاشته شوند؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="439"/>
        <source>Nothing resolved</source>
        <translation>چیزی حل نشد</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="440"/>
        <source>Choose, for at least one difference, the value the paper page holds.</source>
        <translation>دست‌کم برای یک اختلاف، مقداری را که برگهٔ کاغذی دارد برگزینید.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="444"/>
        <source>Not resolved</source>
        <translation>حل نشد</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="445"/>
        <source>Nothing was changed; your choices are still on screen.</source>
        <translation>چیزی تغییر نکرد؛ انتخاب‌های شما هنوز روی صفحه است.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="454"/>
        <source>The form&apos;s checks find these with the values chosen; correct them (with a reason) before marking it complete:</source>
        <translation>بررسی‌های فرم با مقادیر برگزیده این موارد را می‌یابند؛ پیش از کامل اعلام‌کردن فرم، آن‌ها را (با دلیل) اصلاح کنید:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="457"/>
        <source>Differences resolved</source>
        <translation>اختلاف‌ها حل شد</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="106"/>
        <location filename="../../ui/double_steps.py" line="156"/>
        <source>Its first entry is not shown to you until its second entry is made.</source>
        <translation>ورود اول آن تا انجام‌شدن ورود دوم به شما نشان داده نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="448"/>
        <source>{n} difference(s) resolved; {left} left.</source>
        <translation>{n} اختلاف حل شد؛ {left} اختلاف مانده است.</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="190"/>
        <source>{n} required question(s) are blank: {fields}.

If the paper page leaves them blank, give each its missing-data code (F2). Save the second entry with them blank?</source>
        <translation>{n} پرسش لازم خالی است: {fields}.

اگر برگهٔ کاغذی آن‌ها را خالی گذاشته است، به هر یک کد دادهٔ گم‌شدهٔ آن را بدهید (F2). ورود دوم با این پرسش‌های خالی ذخیره شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="356"/>
        <source>&amp;First entry:</source>
        <translation>&amp;ورود اول:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="357"/>
        <source>&amp;Second entry:</source>
        <translation>و&amp;رود دوم:</translation>
    </message>
    <message>
        <location filename="../../ui/double_entry.py" line="450"/>
        <source>Every difference is resolved: both entries now agree, and the form can be marked complete.</source>
        <translation>همهٔ اختلاف‌ها حل شد: اکنون هر دو ورود یکسان‌اند و می‌توان فرم را کامل اعلام کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="28"/>
        <location filename="../../ui/double_steps.py" line="105"/>
        <location filename="../../ui/double_steps.py" line="108"/>
        <source>Second entry</source>
        <translation>ورود دوم</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="38"/>
        <source>Resolve differences</source>
        <translation>حل اختلاف‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="50"/>
        <location filename="../../ui/double_steps.py" line="52"/>
        <location filename="../../ui/double_steps.py" line="60"/>
        <source>Withdraw the second entry</source>
        <translation>پس‌گرفتن ورود دوم</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="53"/>
        <source>The second entry and its differences are taken back (the audit trail keeps them); the form then awaits its second entry again. Why?</source>
        <translation>ورود دوم و اختلاف‌هایش پس گرفته می‌شوند (ردگیری ممیزی آن‌ها را نگه می‌دارد)؛ سپس فرم دوباره در انتظار ورود دوم می‌ماند. چرا؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="62"/>
        <source>The second entry was withdrawn: the form awaits it again.</source>
        <translation>ورود دوم پس گرفته شد: فرم دوباره در انتظار آن است.</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="75"/>
        <source>Keyed twice from paper: this form was completed before double entry applied to it.</source>
        <translation>دو بار از روی کاغذ وارد می‌شود: این فرم پیش از آنکه ورود دوباره برایش لازم شود کامل شده بود.</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="80"/>
        <source>Keyed twice from paper: awaiting its second entry by another person (first keyed by {first}).</source>
        <translation>دو بار از روی کاغذ وارد می‌شود: در انتظار ورود دوم به دست شخص دیگری (ورود اول: {first}).</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="82"/>
        <source>Keyed twice from paper: key it here first; another person then makes its second entry.</source>
        <translation>دو بار از روی کاغذ وارد می‌شود: نخست آن را اینجا وارد کنید؛ سپس شخص دیگری ورود دوم را انجام می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="86"/>
        <source>Keyed twice from paper: {n} difference(s) between the two entries to resolve (second entry by {user}): Form &gt; Resolve differences…</source>
        <translation>دو بار از روی کاغذ وارد می‌شود: {n} اختلاف میان دو ورود باید حل شود (ورود دوم: {user}): فرم &gt; حل اختلاف‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="89"/>
        <source>Keyed twice from paper: both entries agree (second entry by {user}; {n} difference(s) resolved).</source>
        <translation>دو بار از روی کاغذ وارد می‌شود: هر دو ورود یکسان‌اند (ورود دوم: {user}؛ {n} اختلاف حل شد).</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="109"/>
        <source>&apos;{form}&apos; ({where}) awaits its second entry, and you did not key the first: its values are not shown to you. Key the paper page again now?</source>
        <translation>«{form}» ({where}) در انتظار ورود دوم است و ورود اول را شما انجام نداده‌اید: مقادیر آن به شما نشان داده نمی‌شود. اکنون برگهٔ کاغذی را دوباره وارد می‌کنید؟</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="131"/>
        <source>Second entr&amp;y…</source>
        <translation>&amp;ورود دوم…</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="133"/>
        <source>R&amp;esolve differences…</source>
        <translation>&amp;حل اختلاف‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="137"/>
        <source>&amp;Withdraw the second entry…</source>
        <translation>&amp;پس‌گرفتن ورود دوم…</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="147"/>
        <source>This form is keyed once: the study definition asks no second entry.</source>
        <translation>این فرم یک بار وارد می‌شود: تعریف مطالعه ورود دوم نمی‌خواهد.</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="162"/>
        <source>Resolve the differences between the two entries first (Form &gt; Resolve differences…).</source>
        <translation>نخست اختلاف‌های میان دو ورود را حل کنید (فرم &gt; حل اختلاف‌ها…).</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="168"/>
        <source>Key this form again from its paper page, without seeing the first entry</source>
        <translation>ورود دوبارهٔ این فرم از روی برگهٔ کاغذی، بدون دیدن ورود اول</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="170"/>
        <source>Choose, for each difference between the two entries, the value the paper holds</source>
        <translation>برای هر اختلاف میان دو ورود، مقداری را که کاغذ دارد برگزینید</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="173"/>
        <source>Take back a second entry keyed from the wrong page or with slips, before any of its differences is resolved</source>
        <translation>پس‌گرفتن ورود دومی که از برگهٔ نادرست یا با لغزش وارد شده، پیش از آنکه اختلافی از آن حل شود</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="181"/>
        <source>Save first</source>
        <translation>نخست ذخیره کنید</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="182"/>
        <source>The form has changes that are not saved: save them (Ctrl+S) or undo them first.</source>
        <translation>فرم تغییرهای ذخیره‌نشده دارد: نخست آن‌ها را ذخیره کنید (Ctrl+S) یا برگردانید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="62"/>
        <source>&apos;{form}&apos; saved as a draft: it awaits its second entry.</source>
        <translation>«{form}» به‌صورت پیش‌نویس ذخیره شد: در انتظار ورود دوم است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="100"/>
        <source>The signature will be voided</source>
        <translation>امضا باطل خواهد شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="101"/>
        <source>&apos;{form}&apos; was signed by {name} on {when}. Saving this change voids that signature (the audit trail keeps it); the investigator must sign again.

Save the change and void the signature?</source>
        <translation>فرم «{form}» در {when} توسط {name} امضا شده است. ذخیرهٔ این تغییر آن امضا را باطل می‌کند (ردپای ممیزی آن را نگه می‌دارد)؛ پژوهشگر باید دوباره امضا کند.

تغییر ذخیره و امضا باطل شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="123"/>
        <source>Give the infusion although not eligible?</source>
        <translation>تزریق با وجود واجد شرایط نبودن انجام شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="124"/>
        <source>{message}

As the investigator you may override this: give the reason. It is recorded as a protocol-deviation entry.</source>
        <translation>{message}

شما به‌عنوان پژوهشگر می‌توانید از این مانع بگذرید: دلیل آن را بنویسید. این کار به‌عنوان یک ورودی انحراف از پروتکل ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="153"/>
        <source>Marked complete</source>
        <translation>به‌عنوان کامل ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="153"/>
        <location filename="../../ui/form_actions.py" line="159"/>
        <source>Saved</source>
        <translation>ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="154"/>
        <source>{n} note(s) kept as open queries</source>
        <translation>{n} یادداشت به‌صورت پرسش باز نگه داشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="156"/>
        <source>{what}: {form} of {subject}{queries}</source>
        <translation>{what}: {form} بیمار {subject}{queries}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="185"/>
        <source>Cannot mark complete</source>
        <translation>ثبت به‌عنوان کامل ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="185"/>
        <source>Correct these first:</source>
        <translation>ابتدا این موارد را اصلاح کنید:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="187"/>
        <source>The form was not saved as complete; what you typed is still on screen.</source>
        <translation>فرم به‌عنوان کامل ذخیره نشد؛ آنچه وارد کرده‌اید هنوز روی صفحه است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="223"/>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>&apos;{form}&apos; of subject {subject}</source>
        <translation>فرم «{form}» بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="239"/>
        <source>Save or undo the changes on screen first.</source>
        <translation>ابتدا تغییرات روی صفحه را ذخیره یا لغو کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="265"/>
        <source>Open queries</source>
        <translation>پرسش‌های باز</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="265"/>
        <source>&apos;{form}&apos; has {n} open queries:</source>
        <translation>فرم «{form}» {n} پرسش باز دارد:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="266"/>
        <source>&apos;{form}&apos; has {n} open query:</source>
        <translation>فرم «{form}» {n} پرسش باز دارد:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="270"/>
        <source>Data under question is usually settled before it is signed. Sign anyway?</source>
        <translation>داده‌ای که درباره‌اش پرسش مطرح است معمولاً پیش از امضا روشن می‌شود. با این حال امضا شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="274"/>
        <source>{form}, {event}, subject {subject}</source>
        <translation>{form}، {event}، بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="281"/>
        <source>Signed: {form} of {subject}</source>
        <translation>امضا شد: {form} بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="287"/>
        <location filename="../../ui/form_actions.py" line="289"/>
        <source>Verify</source>
        <translation>راستی‌آزمایی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="292"/>
        <location filename="../../ui/form_actions.py" line="300"/>
        <source>Lock</source>
        <translation>قفل کردن</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="296"/>
        <source>Lock form</source>
        <translation>قفل کردن فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="296"/>
        <source>Lock this form? Nobody can change it until an administrator unlocks it. A reason is optional.</source>
        <translation>این فرم قفل شود؟ تا وقتی مدیر سامانه قفل آن را باز نکند، هیچ‌کس نمی‌تواند آن را تغییر دهد. نوشتن دلیل اختیاری است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="303"/>
        <location filename="../../ui/form_actions.py" line="309"/>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="306"/>
        <source>Unlock form</source>
        <translation>باز کردن قفل فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="307"/>
        <source>Why must this form change again?</source>
        <translation>چرا این فرم باید دوباره تغییر کند؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="312"/>
        <location filename="../../ui/form_actions.py" line="319"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="316"/>
        <source>Delete entry</source>
        <translation>حذف ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="316"/>
        <source>Withdraw this entry? It stays in the file with its history, marked deleted.</source>
        <translation>این ورودی کنار گذاشته شود؟ ورودی همراه با سابقه‌اش در فایل می‌ماند و با علامت «حذف‌شده» مشخص می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="327"/>
        <location filename="../../ui/form_actions.py" line="331"/>
        <source>Raise a query</source>
        <translation>طرح پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="328"/>
        <source>Question for the site about &apos;{label}&apos;:</source>
        <translation>پرسش از مرکز دربارهٔ «{label}»:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="335"/>
        <location filename="../../ui/form_actions.py" line="340"/>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="335"/>
        <source>Nothing has been saved on this form yet.</source>
        <translation>هنوز چیزی در این فرم ذخیره نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="346"/>
        <source>History of &apos;{what}&apos; — subject {subject}</source>
        <translation>سابقهٔ «{what}» — بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="364"/>
        <source>History of &apos;{label}&apos;…</source>
        <translation>سابقهٔ «{label}»…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="367"/>
        <source>Raise a query on &apos;{label}&apos;…</source>
        <translation>طرح پرسش دربارهٔ «{label}»…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="386"/>
        <source>Pick from the calendar…</source>
        <translation>انتخاب از تقویم…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="387"/>
        <source>Fill in now</source>
        <translation>درج زمان کنونی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="401"/>
        <source>No missing-data code (a value)</source>
        <translation>بدون کد دادهٔ ناموجود (یک مقدار)</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="402"/>
        <source>Missing: {code} — {label}</source>
        <translation>ناموجود: {code} — {label}</translation>
    </message>
    <message>
        <location filename="../../ui/form_live.py" line="124"/>
        <source>● modified: saving voids the signature</source>
        <translation>● تغییر کرده: ذخیره کردن، امضا را باطل می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/form_live.py" line="125"/>
        <location filename="../../ui/form_page.py" line="93"/>
        <source>● modified, not saved</source>
        <translation>● تغییر کرده، ذخیره نشده</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="41"/>
        <source>Click into a field to see its help here.</source>
        <translation>روی یک فیلد کلیک کنید تا راهنمای آن اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="80"/>
        <location filename="../../ui/form_page.py" line="298"/>
        <source>No form open</source>
        <translation>هیچ فرمی باز نیست</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="83"/>
        <location filename="../../ui/form_page.py" line="299"/>
        <source>Open a form from a subject&apos;s casebook.</source>
        <translation>یک فرم را از پروندهٔ بیمار باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="96"/>
        <source>The form has changes that are not saved</source>
        <translation>فرم تغییراتی دارد که ذخیره نشده‌اند</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="127"/>
        <source>Queries on this form</source>
        <translation>پرسش‌های این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="128"/>
        <location filename="../../ui/form_page.py" line="414"/>
        <source>None.</source>
        <translation>موردی نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="133"/>
        <source>About this field</source>
        <translation>دربارهٔ این فیلد</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="163"/>
        <location filename="../../ui/form_page.py" line="375"/>
        <source>&amp;Save draft</source>
        <translation>&amp;ذخیرهٔ پیش‌نویس</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="164"/>
        <source>Mark &amp;complete</source>
        <translation>ثبت به‌عنوان &amp;کامل</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="166"/>
        <source>Save and ne&amp;xt form</source>
        <translation>ذخیره و فرم &amp;بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="168"/>
        <source>Si&amp;gn form…</source>
        <translation>&amp;امضای فرم…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="169"/>
        <source>&amp;Verify</source>
        <translation>&amp;راستی‌آزمایی</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="170"/>
        <source>&amp;Lock</source>
        <translation>&amp;قفل کردن</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="172"/>
        <source>&amp;Delete entry…</source>
        <translation>&amp;حذف ورودی…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="173"/>
        <source>Raise &amp;query…</source>
        <translation>طرح &amp;پرسش…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="175"/>
        <source>&amp;History…</source>
        <translation>&amp;سابقه…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="187"/>
        <source>Form actions</source>
        <translation>کارهای فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="215"/>
        <source>Restricted</source>
        <translation>دسترسی محدود</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="215"/>
        <source>&apos;{form}&apos; holds direct identifiers only, shown to site staff only ({reason})</source>
        <translation>فرم «{form}» فقط شناسه‌های مستقیم را در بر دارد که تنها به کارکنان مرکز نشان داده می‌شوند ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="344"/>
        <source>Open a form first.</source>
        <translation>ابتدا یک فرم باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="353"/>
        <source>new entry</source>
        <translation>ورودی جدید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="175"/>
        <location filename="../../ui/double_entry.py" line="100"/>
        <location filename="../../ui/form_page.py" line="354"/>
        <source>entry {n}</source>
        <translation>ورودی {n}</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="355"/>
        <source>last saved {when} by {user}</source>
        <translation>آخرین ذخیره: {when} توسط {user}</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="357"/>
        <source>Subject {subject} · {where}{entry}{saved}</source>
        <translation>بیمار {subject} · {where}{entry}{saved}</translation>
    </message>
    <message>
        <location filename="../../ui/double_steps.py" line="152"/>
        <location filename="../../ui/form_page.py" line="367"/>
        <source>Go to the Form page first (Ctrl+4).</source>
        <translation>ابتدا به صفحهٔ فرم بروید (Ctrl+4).</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="370"/>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="371"/>
        <source>Save the change; the form stays complete (the checks run again, a reason is asked) (Ctrl+S)</source>
        <translation>ذخیرهٔ تغییر؛ فرم کامل می‌ماند (بررسی‌ها دوباره اجرا می‌شوند و دلیل تغییر پرسیده می‌شود) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="376"/>
        <source>Save what is typed as a draft (Ctrl+S)</source>
        <translation>ذخیرهٔ آنچه وارد شده به‌صورت پیش‌نویس (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="378"/>
        <source>Mark complete and open the visit&apos;s next form (Ctrl+Shift+Return)</source>
        <translation>ثبت به‌عنوان کامل و باز کردن فرم بعدی ویزیت (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="379"/>
        <source>Run every check and mark the form complete</source>
        <translation>اجرای همهٔ بررسی‌ها و ثبت فرم به‌عنوان کامل</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="380"/>
        <source>Sign this form electronically</source>
        <translation>امضای الکترونیکی این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="381"/>
        <source>Record source data verification</source>
        <translation>ثبت راستی‌آزمایی دادهٔ منبع</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="382"/>
        <source>Lock the form against changes</source>
        <translation>قفل کردن فرم در برابر تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="383"/>
        <source>Unlock the form (with a reason)</source>
        <translation>باز کردن قفل فرم (با ذکر دلیل)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="384"/>
        <source>Withdraw this entry (with a reason)</source>
        <translation>کنار گذاشتن این ورودی (با ذکر دلیل)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="386"/>
        <source>Ask the site a question about this form</source>
        <translation>طرح پرسش از مرکز دربارهٔ این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="387"/>
        <source>Nothing is recorded yet.</source>
        <translation>هنوز چیزی ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="389"/>
        <source>The audit trail of this form</source>
        <translation>ردپای ممیزی این فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="34"/>
        <source>{what} {key} added{about}</source>
        <translation>{what} {key} اضافه شد{about}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="37"/>
        <source>{what} {key} removed{about}</source>
        <translation>{what} {key} حذف شد{about}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="40"/>
        <source>companion file {key} changes</source>
        <translation>فایل همراه {key} تغییر می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="42"/>
        <source>window of {key} changes from {before} to {after}</source>
        <translation>بازهٔ زمانی {key} از {before} به {after} تغییر می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="44"/>
        <source>{what} {key}: {attr} changes from {before} to {after}</source>
        <translation>{what} {key}: {attr} از {before} به {after} تغییر می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="52"/>
        <source>study</source>
        <translation>مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="53"/>
        <source>event</source>
        <translation>ویزیت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="54"/>
        <location filename="../../ui/form_page.py" line="409"/>
        <source>form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="55"/>
        <source>field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="56"/>
        <source>code list</source>
        <translation>فهرست کدها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="57"/>
        <source>choice</source>
        <translation>گزینه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="58"/>
        <source>field choice</source>
        <translation>گزینهٔ فیلد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="59"/>
        <source>check</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="60"/>
        <source>derived value</source>
        <translation>مقدار محاسبه‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="61"/>
        <source>missing code</source>
        <translation>کد دادهٔ ناموجود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="62"/>
        <source>parameter</source>
        <translation>پارامتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="63"/>
        <source>binding</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="64"/>
        <source>end-of-study status</source>
        <translation>وضعیت پایان مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="65"/>
        <source>companion file</source>
        <translation>فایل همراه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="66"/>
        <source>translation</source>
        <translation>ترجمه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="67"/>
        <source>order of its choices</source>
        <translation>ترتیب گزینه‌هایش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="68"/>
        <source>order of its fields</source>
        <translation>ترتیب فیلدهایش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="69"/>
        <source>order of its events</source>
        <translation>ترتیب ویزیت‌هایش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="70"/>
        <source>type of its codes</source>
        <translation>نوع کدهایش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="71"/>
        <source>number of its columns</source>
        <translation>تعداد ستون‌هایش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="72"/>
        <source>its text</source>
        <translation>متن آن</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="87"/>
        <source>[{low}, {high}] h</source>
        <translation>[{low}, {high}] ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="88"/>
        <source>[{low}, {high}] days</source>
        <translation>[{low}, {high}] روز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="252"/>
        <source>{n} days</source>
        <translation>{n} روز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="262"/>
        <source> ({label}; forms {forms}; window {window})</source>
        <translation> ({label}؛ فرم‌ها: {forms}؛ بازهٔ زمانی: {window})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="265"/>
        <source> ({label}; {n} fields)</source>
        <translation> ({label}؛ {n} فیلد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="267"/>
        <source>{type} from {codelist}</source>
        <translation>{type} از {codelist}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/diff.py" line="293"/>
        <source>always</source>
        <translation>همیشه</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="410"/>
        <source>Answer: {answer}</source>
        <translation>پاسخ: {answer}</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="59"/>
        <source>Next / previous question (one stop per question)</source>
        <translation>سؤال بعدی / قبلی (برای هر سؤال یک توقف)</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="60"/>
        <source>Next question (never saves; a new line in a memo)</source>
        <translation>پرسش بعدی (هرگز ذخیره نمی‌کند؛ در یادداشت، خط تازه)</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="61"/>
        <source>Pick a score on a scored question; in a grid (ALSFRS-R, GCS), then go on</source>
        <translation>انتخاب امتیاز در سؤال امتیازدار؛ در جدول (ALSFRS-R، GCS) سپس رفتن به سؤال بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="63"/>
        <source>First letter</source>
        <translation>حرف اول</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="64"/>
        <source>Pick an answer by its first letter (Y, N ...) when no other shares it</source>
        <translation>انتخاب پاسخ با حرف اول آن (Y، N و ...) وقتی پاسخ دیگری با همان حرف شروع نشود</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="66"/>
        <source>Arrows</source>
        <translation>کلیدهای جهت‌نما</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="67"/>
        <source>Move between the answers of a question</source>
        <translation>جابه‌جایی میان پاسخ‌های یک سؤال</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="68"/>
        <source>Clear the answer of a question</source>
        <translation>پاک کردن پاسخ یک سؤال</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="69"/>
        <source>The question&apos;s menu: missing-data code, calendar, now, history, a query</source>
        <translation>منوی سؤال: کد دادهٔ ناموجود، تقویم، زمان کنونی، سابقه، طرح پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="71"/>
        <source>Open the calendar of a date</source>
        <translation>باز کردن تقویم یک تاریخ</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="72"/>
        <source>Take the value suggested from another form</source>
        <translation>پذیرفتن مقدار پیشنهادشده از فرمی دیگر</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="170"/>
        <source>The field&apos;s menu: missing-data code, calendar, now, history, a query on it</source>
        <translation>منوی فیلد: کد دادهٔ ناموجود، تقویم، زمان کنونی، سابقه، طرح پرسش دربارهٔ آن</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="207"/>
        <source>restricted: direct identifiers are shown to site staff only</source>
        <translation>محدود: شناسه‌های مستقیم فقط به کارکنان مرکز نشان داده می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="251"/>
        <source>{label}: missing-data code</source>
        <translation>{label}: کد دادهٔ ناموجود</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="252"/>
        <source>A missing-data code instead of a value ({codes}): F2 on the question</source>
        <translation>کد دادهٔ ناموجود به‌جای مقدار ({codes}): کلید F2 روی سؤال</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="253"/>
        <location filename="../../ui/form_renderer.py" line="459"/>
        <source>Query</source>
        <translation>پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="461"/>
        <source>{label}: open query</source>
        <translation>{label}: پرسش باز</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="107"/>
        <location filename="../../ui/help.py" line="115"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="109"/>
        <source>Every shortcut of this window. Menus also open with Alt and the underlined letter; Tab and Shift+Tab move between questions.</source>
        <translation>همهٔ میان‌برهای این پنجره. منوها با Alt و حرفی که زیرش خط کشیده شده است نیز باز می‌شوند؛ Tab و Shift+Tab میان سؤال‌ها جابه‌جا می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="116"/>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="116"/>
        <source>Does</source>
        <translation>کار</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="116"/>
        <source>Menu</source>
        <translation>منو</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="118"/>
        <source>In a form</source>
        <translation>در فرم</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="119"/>
        <source>Form field</source>
        <translation>فیلد فرم</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="154"/>
        <source>ALS Desk — user guide</source>
        <translation>ALS Desk — راهنمای کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="158"/>
        <source>User guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="23"/>
        <source>entered</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="24"/>
        <source>changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="25"/>
        <source>cleared</source>
        <translation>پاک شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="26"/>
        <source>missing code set</source>
        <translation>کد دادهٔ ناموجود گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="27"/>
        <source>missing code changed</source>
        <translation>کد دادهٔ ناموجود تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="28"/>
        <source>missing code removed</source>
        <translation>کد دادهٔ ناموجود برداشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="29"/>
        <source>form started</source>
        <translation>فرم آغاز شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="30"/>
        <source>status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="60"/>
        <location filename="../../alsdesk/store/signoff.py" line="40"/>
        <location filename="../../ui/history.py" line="31"/>
        <source>signed</source>
        <translation>امضا شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="32"/>
        <source>signature voided</source>
        <translation>امضا باطل شد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="59"/>
        <location filename="../../ui/history.py" line="33"/>
        <source>verified</source>
        <translation>راستی‌آزمایی شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="34"/>
        <source>verification voided</source>
        <translation>راستی‌آزمایی باطل شد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="31"/>
        <location filename="../../alsdesk/states.py" line="60"/>
        <location filename="../../ui/history.py" line="35"/>
        <source>locked</source>
        <translation>قفل شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="36"/>
        <source>unlocked</source>
        <translation>قفل باز شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="37"/>
        <source>query raised</source>
        <translation>پرسش طرح شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="38"/>
        <source>query answered</source>
        <translation>به پرسش پاسخ داده شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="39"/>
        <source>query closed</source>
        <translation>پرسش بسته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="41"/>
        <source>(restricted)</source>
        <translation>(محدود)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="169"/>
        <location filename="../../ui/history.py" line="42"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="42"/>
        <source>Who</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="43"/>
        <source>What</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="44"/>
        <source>Old value</source>
        <translation>مقدار قبلی</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="44"/>
        <source>New value</source>
        <translation>مقدار جدید</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="92"/>
        <source>&lt;b&gt;{title}&lt;/b&gt; — from the audit trail, which cannot be changed.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — از ردپای ممیزی، که تغییرپذیر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="110"/>
        <source>Nothing recorded yet.</source>
        <translation>هنوز چیزی ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="89"/>
        <source>ALS Desk is locked</source>
        <translation>ALS Desk قفل است</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="102"/>
        <source>&amp;Unlock</source>
        <translation>&amp;باز کردن قفل</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="105"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;تعویض کاربر…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="107"/>
        <source>Log out the locked user and let another user log in</source>
        <translation>خروج کاربر قفل‌شده از حساب و ورود کاربر دیگر</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="128"/>
        <source>Logged in: &lt;b&gt;{who}&lt;/b&gt;. Nothing on screen was lost. Enter your password to go on, or switch user.</source>
        <translation>واردشده: &lt;b&gt;{who}&lt;/b&gt;. هیچ چیزی از روی صفحه از دست نرفته است. برای ادامه گذرواژهٔ خود را وارد کنید، یا کاربر را تعویض کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="25"/>
        <source>Record as an adverse event</source>
        <translation>ثبت به‌عنوان عارضهٔ ناخواسته</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="26"/>
        <source>Not an adverse event…</source>
        <translation>عارضهٔ ناخواسته نیست…</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="27"/>
        <source>Decide later</source>
        <translation>بعداً تصمیم می‌گیرم</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="34"/>
        <location filename="../../ui/lab_grades.py" line="55"/>
        <source>CTCAE grades</source>
        <translation>درجه‌های CTCAE</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="54"/>
        <source>CTCAE grades (v{version})</source>
        <translation>درجه‌های CTCAE (نسخهٔ {version})</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="66"/>
        <source>No grade: {fields}.</source>
        <translation>بدون درجه: {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="67"/>
        <source>No result entered yet.</source>
        <translation>هنوز نتیجه‌ای وارد نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="83"/>
        <source>An adverse event?</source>
        <translation>عارضهٔ ناخواسته؟</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="84"/>
        <source>{proposal}.

This is worse than the subject&apos;s baseline. Record it as an adverse event? A draft entry of the adverse event log is made with the term, grade and date; seriousness, relationship and outcome are left for you to complete. If it is not an adverse event, say why.</source>
        <translation>{proposal}.

این نتیجه از مقدار پایهٔ بیمار بدتر است. به‌عنوان عارضهٔ ناخواسته ثبت شود؟ یک ورودی پیش‌نویس در فهرست عوارض ناخواسته با اصطلاح، درجه و تاریخ ساخته می‌شود؛ تکمیل جدی بودن، ارتباط و پیامد با شماست. اگر عارضهٔ ناخواسته نیست، دلیل آن را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="93"/>
        <source>Adverse event recorded as a draft: entry {entry} of {subject} — complete it there.</source>
        <translation>عارضهٔ ناخواسته به‌صورت پیش‌نویس ثبت شد: ورودی {entry} بیمار {subject} — آن را همان‌جا تکمیل کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="97"/>
        <source>Not an adverse event</source>
        <translation>عارضهٔ ناخواسته نیست</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="98"/>
        <source>{proposal}.

Why is this result not an adverse event? (Kept in the audit trail.)</source>
        <translation>{proposal}.

چرا این نتیجه عارضهٔ ناخواسته نیست؟ (در ردپای ممیزی نگه داشته می‌شود.)</translation>
    </message>
    <message>
        <location filename="../../ui/lab_grades.py" line="103"/>
        <source>Not recorded</source>
        <translation>ثبت نشد</translation>
    </message>
    <message>
        <location filename="../../ui/log_tables.py" line="41"/>
        <source>Add {label}…</source>
        <translation>افزودن {label}…</translation>
    </message>
    <message>
        <location filename="../../ui/log_tables.py" line="44"/>
        <source>Open / edit</source>
        <translation>باز کردن / ویرایش</translation>
    </message>
    <message>
        <location filename="../../ui/log_tables.py" line="54"/>
        <source>{label} log</source>
        <translation>فهرست {label}</translation>
    </message>
    <message>
        <location filename="../../ui/log_tables.py" line="73"/>
        <source>Add an entry to the {label} log</source>
        <translation>افزودن یک ورودی به فهرست {label}</translation>
    </message>
    <message>
        <location filename="../../ui/log_tables.py" line="96"/>
        <source>{n} serious</source>
        <translation>{n} مورد جدی</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="65"/>
        <source>Last message</source>
        <translation>آخرین پیام</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="31"/>
        <source>{what} {value:g} at {at}</source>
        <translation>{what} {value:g} در {at}</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="33"/>
        <source>compared with {value:g} ({text})</source>
        <translation>در مقایسه با {value:g} ({text})</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="36"/>
        <source>{n} readings</source>
        <translation>{n} اندازه‌گیری</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="36"/>
        <source>{n} reading</source>
        <translation>{n} اندازه‌گیری</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="60"/>
        <source>Fever:</source>
        <translation>تب:</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="61"/>
        <source>GCS fall:</source>
        <translation>افت GCS:</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="68"/>
        <source>No infusion start is recorded: the primary outcomes count from it ({hours:g} h).</source>
        <translation>زمان شروع تزریق ثبت نشده است: پیامدهای اولیه از آن زمان شمرده می‌شوند ({hours:g} h).</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="81"/>
        <source>Within {hours:g} h of the infusion start ({start}); fever: {fever:.1f} °C or more.</source>
        <translation>ظرف {hours:g} h از شروع تزریق ({start})؛ تب: {fever:.1f} °C یا بیشتر.</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="84"/>
        <source>highest °C</source>
        <translation>بیشترین °C</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="85"/>
        <source>lowest GCS</source>
        <translation>کمترین GCS</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="105"/>
        <location filename="../../ui/print_actions.py" line="33"/>
        <source>Primary outcomes</source>
        <translation>پیامدهای اولیه</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="107"/>
        <source>Fever</source>
        <translation>تب</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="107"/>
        <source>GCS fall</source>
        <translation>افت GCS</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="121"/>
        <source>{yes} yes, {no} no, {na} not assessable</source>
        <translation>{yes} بله، {no} خیر، {na} ارزیابی‌ناپذیر</translation>
    </message>
    <message>
        <location filename="../../ui/outcomes_view.py" line="125"/>
        <source>{n} infused
Fever: {fever}
GCS fall: {gcs}</source>
        <translation>{n} تزریق‌شده
تب: {fever}
افت GCS: {gcs}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="31"/>
        <source>◀ Previous</source>
        <translation>▶ قبلی</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="31"/>
        <source>Previous page (Page Up)</source>
        <translation>صفحهٔ قبل (Page Up)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="32"/>
        <source>Next ▶</source>
        <translation>بعدی ◀</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="32"/>
        <source>Next page (Page Down)</source>
        <translation>صفحهٔ بعد (Page Down)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="35"/>
        <source>Page number</source>
        <translation>شمارهٔ صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="36"/>
        <source>Type a page number and press Enter</source>
        <translation>شمارهٔ صفحه را بنویسید و Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="40"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>کوچک‌نمایی (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="45"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>بزرگ‌نمایی (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="48"/>
        <source>Fit width</source>
        <translation>هم‌عرض پنجره</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="49"/>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>هم‌عرض کردن صفحه با پنجره (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_navigation.py" line="53"/>
        <source>&amp;Page:</source>
        <translation>&amp;صفحه:</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="56"/>
        <source>Pages of the document</source>
        <translation>صفحه‌های سند</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="58"/>
        <source>Preparing the document…</source>
        <translation>در حال آماده‌سازی سند…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="66"/>
        <location filename="../../ui/print_actions.py" line="141"/>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="68"/>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="72"/>
        <source>Close the preview (Esc)</source>
        <translation>بستن پیش‌نمایش (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="125"/>
        <source>Preparing the document: {step}…</source>
        <translation>در حال آماده‌سازی سند: {step}…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="137"/>
        <source>data fingerprint {fingerprint}</source>
        <translation>اثر انگشت داده‌ها {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="140"/>
        <source>audit head {head}</source>
        <translation>سرِ زنجیرهٔ ردپای ممیزی {head}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="141"/>
        <source>{n} page</source>
        <translation>{n} صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="141"/>
        <source>{n} pages</source>
        <translation>{n} صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="153"/>
        <source>The document could not be made: {error}</source>
        <translation>سند ساخته نشد: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="156"/>
        <source>The document could not be made.

{error}</source>
        <translation>سند ساخته نشد.

{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="165"/>
        <source>Save the PDF</source>
        <translation>ذخیرهٔ PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="167"/>
        <source>PDF documents (*.pdf)</source>
        <translation>سندهای PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="172"/>
        <source>Save as</source>
        <translation>ذخیره با نام</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="173"/>
        <source>The file could not be written:
{error}</source>
        <translation>فایل نوشته نشد:
{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="175"/>
        <source>Saved as {path}</source>
        <translation>با نام {path} ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="192"/>
        <source>Sent {n} page to the printer.</source>
        <translation>{n} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="193"/>
        <source>Sent {n} pages to the printer.</source>
        <translation>{n} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="217"/>
        <source>The printer could not be started.</source>
        <translation>چاپگر راه‌اندازی نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/blank.py" line="51"/>
        <location filename="../../ui/print_actions.py" line="25"/>
        <source>Blank CRF book</source>
        <translation>دفترچهٔ خالی CRF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="26"/>
        <source>Blank CRF book in Persian</source>
        <translation>دفترچهٔ خالی CRF به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="27"/>
        <source>Visit forms</source>
        <translation>فرم‌های ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="28"/>
        <source>Visit forms in Persian</source>
        <translation>فرم‌های ویزیت به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="29"/>
        <source>Subject casebook</source>
        <translation>پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="30"/>
        <source>Adverse event listing</source>
        <translation>فهرست عارضه‌های ناخواسته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/card.py" line="243"/>
        <location filename="../../ui/print_actions.py" line="31"/>
        <source>Visit schedule card</source>
        <translation>کارت برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/card.py" line="243"/>
        <source>All visits</source>
        <translation>همهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="32"/>
        <source>Visit schedule card in Persian</source>
        <translation>کارت برنامهٔ ویزیت به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="34"/>
        <location filename="../../ui/safety_page.py" line="63"/>
        <source>Safety tables</source>
        <translation>جدول‌های ایمنی</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="35"/>
        <source>Double data entry report</source>
        <translation>گزارش ورود دوبارهٔ داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="37"/>
        <source>SAE report (CIOMS I)</source>
        <translation>گزارش عارضهٔ ناخواستهٔ جدی (CIOMS I)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="98"/>
        <source>AE {n}</source>
        <translation>عارضهٔ ناخواستهٔ شمارهٔ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="173"/>
        <location filename="../../ui/print_actions.py" line="182"/>
        <source>Print</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="183"/>
        <source>Choose a visit in the casebook first.</source>
        <translation>ابتدا یک ویزیت را در پروندهٔ بیمار انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="188"/>
        <source>Print direct identifiers</source>
        <translation>چاپ شناسه‌های مستقیم</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="189"/>
        <source>Print this casebook WITH the subject&apos;s direct identifiers (name, record number, telephone)? The printout must stay at the site; the audit trail records that you printed it.</source>
        <translation>این پروندهٔ بیمار «همراه با» شناسه‌های مستقیم بیمار (نام، شمارهٔ پرونده، تلفن) چاپ شود؟ نسخهٔ چاپی باید در مرکز بماند؛ ردپای ممیزی ثبت می‌کند که شما آن را چاپ کرده‌اید.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="194"/>
        <source>Blank CRF book…</source>
        <translation>دفترچهٔ خالی CRF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="195"/>
        <source>Blank CRF book in Persian…</source>
        <translation>دفترچهٔ خالی CRF به فارسی…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="197"/>
        <source>Visit forms of the current visit…</source>
        <translation>فرم‌های ویزیت جاری…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="198"/>
        <source>Visit forms of the current visit, in Persian…</source>
        <translation>فرم‌های ویزیت جاری، به فارسی…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="200"/>
        <source>Subject casebook…</source>
        <translation>پروندهٔ بیمار…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="202"/>
        <source>Visit schedule card…</source>
        <translation>کارت برنامهٔ ویزیت‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="204"/>
        <source>Visit schedule card in Persian…</source>
        <translation>کارت برنامهٔ ویزیت به فارسی…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="207"/>
        <source>Adverse event listing…</source>
        <translation>فهرست عارضه‌های ناخواسته…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="208"/>
        <source>Safety tables…</source>
        <translation>جدول‌های ایمنی…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="209"/>
        <source>Primary outcomes (fever, GCS)…</source>
        <translation>پیامدهای اولیه (تب، GCS)…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="210"/>
        <source>Double data entry report…</source>
        <translation>گزارش ورود دوبارهٔ داده‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="213"/>
        <source>Casebook with direct identifiers (administrator)…</source>
        <translation>پروندهٔ بیمار همراه با شناسه‌های مستقیم (مدیر سامانه)…</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="70"/>
        <source>Recovery key — for the study binder</source>
        <translation>کلید بازیابی — برای پوشهٔ مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="72"/>
        <source>The database {name} is encrypted. Its &lt;b&gt;recovery key&lt;/b&gt; is shown this once: write it on the study binder&apos;s page (or copy it to a printed sheet) and keep it locked away.</source>
        <translation>پایگاه داده {name} رمزگذاری شده است. &lt;b&gt;کلید بازیابی&lt;/b&gt; آن فقط همین یک بار نشان داده می‌شود: آن را در صفحهٔ پوشهٔ مطالعه بنویسید (یا روی برگه‌ای چاپی رونویسی کنید) و در جای قفل‌دار نگه دارید.</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="76"/>
        <source>It opens the database when every password is lost (&apos;alsdesk recover&apos;), and in DB Browser for SQLite. Nobody needs it day to day: each person&apos;s password opens the file.</source>
        <translation>وقتی همهٔ گذرواژه‌ها گم شده باشند پایگاه داده را باز می‌کند (&apos;alsdesk recover&apos;)، و نیز در DB Browser for SQLite. در کار روزانه کسی به آن نیاز ندارد: گذرواژهٔ هر کس پرونده را باز می‌کند.</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="81"/>
        <source>I have written it down</source>
        <translation>آن را یادداشت کردم</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="113"/>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="114"/>
        <source>{what} has changes that are not saved.</source>
        <translation>{what} تغییراتی دارد که ذخیره نشده‌اند.</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="116"/>
        <source>Save them first?</source>
        <translation>نخست ذخیره شوند؟</translation>
    </message>
    <message>
        <location filename="../../ui/qt_check.py" line="40"/>
        <source>The installed Qt bindings (PySide6 {version}) are broken on Python {python}: they lose a reference on every call, and the program would crash while you type. Install a working version with:
    pip install &quot;PySide6-Essentials&lt;6.12&quot; &quot;PySide6-Addons&lt;6.12&quot;</source>
        <translation>اتصال‌های Qt نصب‌شده (PySide6 {version}) روی Python {python} معیوب‌اند: در هر فراخوانی یک ارجاع را از دست می‌دهند و برنامه هنگام تایپ شما از کار می‌افتد. یک نسخهٔ سالم را با این فرمان نصب کنید:
    pip install &quot;PySide6-Essentials&lt;6.12&quot; &quot;PySide6-Addons&lt;6.12&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="35"/>
        <source>Open and answered</source>
        <translation>باز و پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="36"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="37"/>
        <source>Answered</source>
        <translation>پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="38"/>
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="39"/>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="43"/>
        <source>Question</source>
        <translation>متن پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="44"/>
        <source>Raised</source>
        <translation>طرح‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="44"/>
        <location filename="../../ui/queries.py" line="253"/>
        <source>Answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="93"/>
        <source>Show queries</source>
        <translation>نمایش پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="97"/>
        <source>&amp;Show:</source>
        <translation>&amp;نمایش:</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="103"/>
        <source>A&amp;nswer…</source>
        <translation>&amp;پاسخ…</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="106"/>
        <source>C&amp;lose…</source>
        <translation>&amp;بستن…</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="109"/>
        <source>Open the fo&amp;rm</source>
        <translation>باز کردن &amp;فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="263"/>
        <location filename="../../ui/queries.py" line="116"/>
        <source>Data queries</source>
        <translation>پرسش‌های داده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="134"/>
        <source>Selected query</source>
        <translation>پرسش انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="159"/>
        <source>(whole form)</source>
        <translation>(کل فرم)</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="200"/>
        <source>Select a query first.</source>
        <translation>ابتدا یک پرسش را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="69"/>
        <source>There is no query {id}.</source>
        <translation>پرسشی با شمارهٔ {id} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="79"/>
        <source>&apos;{given}&apos; is not a query status: one of {statuses}.</source>
        <translation>«{given}» وضعیت پرسش نیست: یکی از {statuses}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="100"/>
        <source>The question</source>
        <translation>متن پرسش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="101"/>
        <source>Write the question the site should answer.</source>
        <translation>پرسشی را که مرکز باید به آن پاسخ دهد بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="141"/>
        <location filename="../../ui/queries.py" line="201"/>
        <source>This query is closed.</source>
        <translation>این پرسش بسته شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="142"/>
        <source>The answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="142"/>
        <source>Write an answer.</source>
        <translation>یک پاسخ بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="159"/>
        <source>This query is already closed.</source>
        <translation>این پرسش از قبل بسته شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="160"/>
        <source>The closing note</source>
        <translation>یادداشت بستن پرسش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="191"/>
        <source>{what} {problem}: write it in words.</source>
        <translation>{what} {problem}؛ آن را با کلمات بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/queries.py" line="196"/>
        <source>{what} has {n:,} characters; at most {most:,} are allowed: shorten it (the details belong in the form&apos;s notes).</source>
        <translation>{what} {n:,} نویسه دارد؛ حداکثر {most:,} نویسه مجاز است: آن را کوتاه کنید (جزئیات جایشان در یادداشت‌های فرم است).</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="204"/>
        <source>Answer the selected query</source>
        <translation>پاسخ به پرسش انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="206"/>
        <source>Close the selected query</source>
        <translation>بستن پرسش انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="207"/>
        <source>Open the form the query is about, at its field</source>
        <translation>باز کردن فرمی که پرسش دربارهٔ آن است، در همان فیلد</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="209"/>
        <source>Select a query in the list.</source>
        <translation>یک پرسش را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="215"/>
        <source>the whole form</source>
        <translation>کل فرم</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="216"/>
        <source>&lt;b&gt;Query #{id}&lt;/b&gt; ({status}) · subject {subject} · {visit} · {form} · {field}</source>
        <translation>&lt;b&gt;پرسش #{id}&lt;/b&gt; ({status}) · بیمار {subject} · {visit} · {form} · {field}</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="221"/>
        <source>&lt;b&gt;Question&lt;/b&gt; ({by}, {when}): {text}</source>
        <translation>&lt;b&gt;پرسش&lt;/b&gt; ({by}، {when}): {text}</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="224"/>
        <source>&lt;b&gt;Answer&lt;/b&gt; ({by}, {when}): {text}</source>
        <translation>&lt;b&gt;پاسخ&lt;/b&gt; ({by}، {when}): {text}</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="228"/>
        <source>&lt;b&gt;Answer&lt;/b&gt;: not answered yet</source>
        <translation>&lt;b&gt;پاسخ&lt;/b&gt;: هنوز پاسخی داده نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="231"/>
        <source>&lt;b&gt;Closed&lt;/b&gt; by {by}, {when}{note}</source>
        <translation>&lt;b&gt;بسته شد&lt;/b&gt; به دست {by}، {when}{note}</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="249"/>
        <source>Answer the query</source>
        <translation>پاسخ به پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="250"/>
        <source>Query #{id}: {text}</source>
        <translation>پرسش #{id}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="259"/>
        <source>Close the query</source>
        <translation>بستن پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/queries.py" line="260"/>
        <source>Query #{id}: {text}

A closing note (optional):</source>
        <translation>پرسش #{id}: {text}

یادداشت بستن (اختیاری):</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="31"/>
        <source>Open read-only</source>
        <translation>باز کردن به‌صورت فقط‌خواندنی</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="32"/>
        <source>Take over</source>
        <translation>در اختیار گرفتن</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="32"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="49"/>
        <source>Database in use</source>
        <translation>پایگاه داده در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="51"/>
        <source>You can open it read-only: you can look, but not save.</source>
        <translation>می‌توانید آن را به‌صورت فقط‌خواندنی باز کنید: می‌توانید داده‌ها را ببینید، اما نمی‌توانید ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="53"/>
        <source>Database cannot be written</source>
        <translation>نوشتن در پایگاه داده ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="72"/>
        <source>the computer account &apos;{account}&apos; (nobody logged in to ALS Desk yet)</source>
        <translation>حساب رایانه‌ای «{account}» (هنوز کسی وارد ALS Desk نشده است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="81"/>
        <source>{who} on this computer since {since} (process {pid})</source>
        <translation>{who} روی همین رایانه از {since} (فرایند {pid})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="83"/>
        <source>{who} on the computer {host} since {since} (process {pid})</source>
        <translation>{who} روی رایانهٔ {host} از {since} (فرایند {pid})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="166"/>
        <source>The database {path} is open in this ALS Desk window: close it first, then try again.</source>
        <translation>پایگاه دادهٔ {path} در همین پنجرهٔ ALS Desk باز است: ابتدا آن را ببندید، سپس دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="266"/>
        <source>The lock file {path} keeps changing: another program is opening and closing the database. Try again in a moment.</source>
        <translation>فایل قفل {path} پیوسته تغییر می‌کند: برنامهٔ دیگری پیاپی پایگاه داده را باز و بسته می‌کند. چند لحظه بعد دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="345"/>
        <source>The lock file {lock} of the database {path} is not an ordinary file (it is a link to another file, or a device): ALS Desk will not write through it. Nobody creates such a file by accident: ask the workstation&apos;s administrator to check who put it there and to delete it, then open the database again.</source>
        <translation>فایل قفل {lock} مربوط به پایگاه دادهٔ {path} یک فایل معمولی نیست (پیوندی به فایل دیگر یا یک دستگاه است): ALS Desk از راه آن چیزی نمی‌نویسد. چنین فایلی تصادفی ساخته نمی‌شود: از مدیر این رایانه بخواهید بررسی کند چه کسی آن را آنجا گذاشته است و آن را حذف کند، سپس پایگاه داده را دوباره باز کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="409"/>
        <source>The disk holding {path} is full: free some space, then open the database again.</source>
        <translation>دیسکی که {path} روی آن است پر است: کمی فضا آزاد کنید، سپس پایگاه داده را دوباره باز کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="411"/>
        <source>The database {path} cannot be opened for writing: the lock file {lock} cannot be created ({error}).</source>
        <translation>پایگاه دادهٔ {path} برای نوشتن باز نمی‌شود: فایل قفل {lock} ساخته نمی‌شود ({error}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="418"/>
        <source>another ALS Desk (it has not yet said who)</source>
        <translation>یک ALS Desk دیگر (هنوز نگفته است چه کسی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="421"/>
        <source>The database {path} is in use by {who}. Only one ALS Desk at a time can change it. Close ALS Desk there first, or open the database read-only to look at it without changing anything.</source>
        <translation>پایگاه دادهٔ {path} در دست {who} است. هر بار فقط یک ALS Desk می‌تواند آن را تغییر دهد. ابتدا ALS Desk را در آنجا ببندید، یا پایگاه داده را به‌صورت فقط‌خواندنی باز کنید تا بدون تغییر دادن چیزی آن را ببینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="425"/>
        <location filename="../../ui/reliability.py" line="69"/>
        <source>the other computer</source>
        <translation>رایانهٔ دیگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="426"/>
        <source> If ALS Desk is certainly no longer running on {there} (that computer crashed or was switched off), you may take the database over.</source>
        <translation> اگر مطمئن هستید که ALS Desk دیگر روی {there} اجرا نمی‌شود (آن رایانه از کار افتاده یا خاموش شده است)، می‌توانید پایگاه داده را در اختیار بگیرید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/lock.py" line="530"/>
        <source>an unknown time</source>
        <translation>زمانی نامعلوم</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="71"/>
        <source>Take the database over</source>
        <translation>در اختیار گرفتن پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="72"/>
        <source>Only take over if ALS Desk on {where} has really been closed (or that computer switched off). If it is still running there, both computers would write to the same file and data can be lost.

Has ALS Desk on the other computer been closed?</source>
        <translation>فقط در صورتی پایگاه داده را در اختیار بگیرید که ALS Desk روی {where} واقعاً بسته شده باشد (یا آن رایانه خاموش شده باشد). اگر هنوز آنجا در حال اجرا باشد، هر دو رایانه در یک فایل می‌نویسند و ممکن است داده‌ها از دست بروند.

آیا ALS Desk روی رایانهٔ دیگر بسته شده است؟</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="86"/>
        <source>Open it read-only to look at the data without changing it?</source>
        <translation>به‌صورت فقط‌خواندنی باز شود تا داده‌ها را بی‌آنکه تغییر کنند ببینید؟</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="89"/>
        <source>The database is open for writing by {who} on this computer since {since}.</source>
        <translation>پایگاه داده از {since} برای نوشتن در اختیار {who} روی همین رایانه است.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="91"/>
        <source>The database is open for writing by {who} on the computer {host} since {since}.</source>
        <translation>پایگاه داده از {since} برای نوشتن در اختیار {who} روی رایانهٔ {host} است.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="100"/>
        <source>Read-only: {who} is writing</source>
        <translation>فقط‌خواندنی: {who} در حال نوشتن است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="101"/>
        <source>Read-only: this account cannot write the database</source>
        <translation>فقط‌خواندنی: این حساب نمی‌تواند در پایگاه داده بنویسد</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="132"/>
        <source>{reason}. Nothing can be saved in this window; close it and open the database again when the other ALS Desk has closed it.</source>
        <translation>{reason}. در این پنجره هیچ چیزی ذخیره نمی‌شود؛ آن را ببندید و وقتی ALS Desk دیگر پایگاه داده را بست، دوباره بازش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="148"/>
        <source>The computer&apos;s clock is behind</source>
        <translation>ساعت رایانه عقب است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="151"/>
        <source>The database is not encrypted</source>
        <translation>پایگاه داده رمزگذاری نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="154"/>
        <source>A plain copy is kept aside</source>
        <translation>یک رونوشت بی‌رمز کنار گذاشته شده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="157"/>
        <source>ALS Desk was not closed properly</source>
        <translation>ALS Desk درست بسته نشده بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="158"/>
        <source>ALS Desk did not close properly last time ({what}). The data is being checked…</source>
        <translation>ALS Desk دفعهٔ پیش درست بسته نشد ({what}). داده‌ها در حال بررسی‌اند…</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="162"/>
        <source>Checking the data failed</source>
        <translation>بررسی داده‌ها ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="173"/>
        <location filename="../../ui/reliability.py" line="226"/>
        <source>Automatic backup failed</source>
        <translation>تهیهٔ خودکار نسخهٔ پشتیبان ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="188"/>
        <source>Database checked: SQLite&apos;s quick check found no damage</source>
        <translation>پایگاه داده بررسی شد: بررسی سریع SQLite هیچ آسیبی نیافت</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="190"/>
        <source>The database is damaged</source>
        <translation>پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="191"/>
        <source>SQLite&apos;s check of {path} found damage ({problems}). Do not keep working on this file: close ALS Desk, tell your data manager and restore the latest backup.</source>
        <translation>بررسی SQLite روی {path} آسیب پیدا کرد ({problems}). روی این فایل به کار ادامه ندهید: ALS Desk را ببندید، به مدیر داده‌ها اطلاع دهید و آخرین نسخهٔ پشتیبان را بازگردانی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="199"/>
        <source>Data checked after the last crash: everything is in order</source>
        <translation>داده‌ها پس از آخرین بسته‌شدن ناگهانی بررسی شدند: همه چیز درست است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="201"/>
        <source>The data check found problems</source>
        <translation>بررسی داده‌ها مشکلاتی یافت</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="202"/>
        <source>After ALS Desk was not closed properly, checking the database found problems. Tell your data manager before going on.</source>
        <translation>پس از درست بسته نشدن ALS Desk، بررسی پایگاه داده مشکلاتی یافت. پیش از ادامهٔ کار به مدیر داده‌ها اطلاع دهید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="216"/>
        <source>Backup made: {file}</source>
        <translation>نسخهٔ پشتیبان تهیه شد: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/sae_view.py" line="48"/>
        <source>Serious adverse event to print</source>
        <translation>عارضهٔ ناخواستهٔ جدی برای چاپ</translation>
    </message>
    <message>
        <location filename="../../ui/sae_view.py" line="49"/>
        <source>Print SAE &amp;report (CIOMS I)…</source>
        <translation>چاپ &amp;گزارش عارضهٔ ناخواستهٔ جدی (CIOMS I)…</translation>
    </message>
    <message>
        <location filename="../../ui/sae_view.py" line="51"/>
        <source>The SAE report form of the chosen serious adverse event, filled from the data, to send to the sponsor</source>
        <translation>فرم گزارش عارضهٔ ناخواستهٔ جدیِ انتخاب‌شده، پرشده از داده‌ها، برای ارسال به حامی مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/sae_view.py" line="67"/>
        <source>AE {entry} ({term}): {what}</source>
        <translation>عارضهٔ ناخواستهٔ شمارهٔ {entry} ({term}): {what}</translation>
    </message>
    <message>
        <location filename="../../ui/sae_view.py" line="77"/>
        <source>AE {entry}: {term}</source>
        <translation>عارضهٔ ناخواستهٔ شمارهٔ {entry}: {term}</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="66"/>
        <source>Counting…</source>
        <translation>در حال شمارش…</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="79"/>
        <source>System organ class / term</source>
        <translation>دستگاه بدن (SOC) / اصطلاح</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="79"/>
        <location filename="../../ui/safety_page.py" line="84"/>
        <source>Subjects n (%)</source>
        <translation>بیماران n (%)</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="79"/>
        <location filename="../../ui/safety_page.py" line="84"/>
        <location filename="../../ui/safety_page.py" line="86"/>
        <source>Events</source>
        <translation>رویدادها</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="80"/>
        <source>Worst {grade}</source>
        <translation>بدترین {grade}</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="84"/>
        <source>Relationship</source>
        <translation>ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="87"/>
        <source>Worst grade</source>
        <translation>بدترین درجه</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="87"/>
        <source>Serious</source>
        <translation>جدی</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="88"/>
        <source>Related</source>
        <translation>مرتبط</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="88"/>
        <source>Terms (grade)</source>
        <translation>اصطلاح‌ها (درجه)</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="89"/>
        <source>&amp;1 By SOC and term</source>
        <translation>&amp;1 بر پایهٔ SOC و اصطلاح</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="90"/>
        <source>&amp;2 Serious</source>
        <translation>&amp;2 جدی</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="91"/>
        <source>&amp;3 By relationship</source>
        <translation>&amp;3 بر پایهٔ ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="92"/>
        <source>&amp;4 Related by SOC and term</source>
        <translation>&amp;4 مرتبط، بر پایهٔ SOC و اصطلاح</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="93"/>
        <source>&amp;5 Per subject</source>
        <translation>&amp;5 برای هر بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="61"/>
        <source>Double data entry</source>
        <translation>ورود دوبارهٔ داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="70"/>
        <source>First keyed by</source>
        <translation>ورود اول به دست</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="71"/>
        <source>Last saved</source>
        <translation>آخرین ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="73"/>
        <source>Second keyed by</source>
        <translation>ورود دوم به دست</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="73"/>
        <location filename="../../ui/double_report.py" line="75"/>
        <source>To resolve</source>
        <translation>برای حل</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="74"/>
        <source>Awaiting second entry</source>
        <translation>در انتظار ورود دوم</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="74"/>
        <source>Keyed twice</source>
        <translation>دو بار واردشده</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="74"/>
        <source>Fields compared</source>
        <translation>فیلدهای مقایسه‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="75"/>
        <source>Differences</source>
        <translation>اختلاف‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="75"/>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="75"/>
        <location filename="../../ui/double_report.py" line="81"/>
        <source>Per 10,000</source>
        <translation>در ۱۰٬۰۰۰</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="76"/>
        <location filename="../../ui/double_report.py" line="81"/>
        <source>Withdrawn</source>
        <translation>پس‌گرفته</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="79"/>
        <source>Forms keyed</source>
        <translation>فرم‌های واردشده</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="80"/>
        <source>Fields keyed</source>
        <translation>فیلدهای واردشده</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="80"/>
        <source>Their errors</source>
        <translation>خطاهای او</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="82"/>
        <source>&amp;1 Awaiting second entry</source>
        <translation>&amp;1 در انتظار ورود دوم</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="83"/>
        <source>&amp;2 To resolve</source>
        <translation>&amp;2 برای حل</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="84"/>
        <source>&amp;3 By form</source>
        <translation>&amp;3 به تفکیک فرم</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="85"/>
        <source>&amp;4 By subject</source>
        <translation>&amp;4 به تفکیک آزمودنی</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="86"/>
        <source>&amp;5 By user</source>
        <translation>&amp;5 به تفکیک کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="93"/>
        <source>Enter on a form of the first two tabs opens it: its second entry, or its differences to resolve.</source>
        <translation>Enter روی یک فرم در دو زبانهٔ نخست آن را باز می‌کند: ورود دوم آن، یا اختلاف‌هایش برای حل.</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="98"/>
        <location filename="../../ui/safety_page.py" line="98"/>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="101"/>
        <location filename="../../ui/safety_page.py" line="101"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;خروجی CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="124"/>
        <source>Keyed twice: {keyed} form(s), {fields} fields compared, {diff} difference(s) ({rate} per 10,000 fields), {resolved} resolved, {open} to resolve. Awaiting their second entry: {waiting} form(s).</source>
        <translation>دو بار واردشده: {keyed} فرم، {fields} فیلد مقایسه‌شده، {diff} اختلاف ({rate} در هر ۱۰٬۰۰۰ فیلد)، {resolved} حل‌شده، {open} برای حل. در انتظار ورود دوم: {waiting} فرم.</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="130"/>
        <source>No form of the study definition in force is keyed twice.</source>
        <translation>در تعریف مطالعهٔ کنونی هیچ فرمی دو بار وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="177"/>
        <source>Export the double data entry report</source>
        <translation>خروجی گزارش ورود دوبارهٔ داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="178"/>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="184"/>
        <source>Not exported</source>
        <translation>خروجی گرفته نشد</translation>
    </message>
    <message>
        <location filename="../../ui/double_report.py" line="186"/>
        <source>Wrote {path}.</source>
        <translation>{path} نوشته شد.</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="122"/>
        <source>{n} adverse events of the subjects infused, from consent on ({before} began before the infusion).</source>
        <translation>{n} عارضهٔ ناخواسته در بیماران تزریق‌شده، از زمان رضایت آگاهانه به بعد ({before} مورد پیش از تزریق آغاز شده است).</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="125"/>
        <source>{n} adverse events of the subjects infused, from consent on.</source>
        <translation>{n} عارضهٔ ناخواسته در بیماران تزریق‌شده، از زمان رضایت آگاهانه به بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="129"/>
        <source>Worst: subjects counted once per row under their highest grade. Related: {codes}.</source>
        <translation>بدترین: هر بیمار در هر ردیف یک بار، زیر بالاترین درجه‌اش شمرده می‌شود. مرتبط: {codes}.</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="139"/>
        <source>no adverse event</source>
        <translation>بدون عارضهٔ ناخواسته</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_table.py" line="85"/>
        <source>Done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_table.py" line="86"/>
        <source>Protocol window</source>
        <translation>بازهٔ زمانی پروتکل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/card.py" line="215"/>
        <location filename="../../ui/schedule_table.py" line="90"/>
        <source>Visit schedule</source>
        <translation>برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="25"/>
        <source>Study definition (*.toml)</source>
        <translation>تعریف مطالعه (*.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="32"/>
        <source>{events}, {forms}</source>
        <translation>{events}، {forms}</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="33"/>
        <source>{n} event</source>
        <translation>{n} رویداد</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="33"/>
        <source>{n} events</source>
        <translation>{n} رویداد</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="34"/>
        <source>{n} form</source>
        <translation>{n} فرم</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="34"/>
        <source>{n} forms</source>
        <translation>{n} فرم</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="37"/>
        <source>{id} — {title}, CRF version {version}: {counts}</source>
        <translation>{id} — {title}، نسخهٔ CRF {version}: {counts}</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="66"/>
        <source>&amp;Another definition file…</source>
        <translation>فایل تعریف &amp;دیگر…</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="72"/>
        <source>Choose &amp;file…</source>
        <translation>انتخاب &amp;فایل…</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="84"/>
        <source>The &amp;bundled trial: {id}, CRF version {version}</source>
        <translation>کارآزمایی &amp;همراه برنامه: {id}، نسخهٔ CRF {version}</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="89"/>
        <source>The &amp;bundled trial</source>
        <translation>کارآزمایی &amp;همراه برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="91"/>
        <source>The bundled definition does not load: {problem}</source>
        <translation>تعریف همراه برنامه بارگذاری نمی‌شود: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="122"/>
        <source>The definition file does not load (the reason is shown above it): correct the file and choose it again, choose another, or take the bundled trial.</source>
        <translation>فایل تعریف بارگذاری نمی‌شود (دلیلش بالای آن نمایش داده شده است): فایل را اصلاح کنید و دوباره انتخابش کنید، فایل دیگری انتخاب کنید، یا کارآزمایی همراه برنامه را برگزینید.</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="125"/>
        <source>Choose the study definition file (Choose file…), or take the bundled trial.</source>
        <translation>فایل تعریف مطالعه را انتخاب کنید («انتخاب فایل…»)، یا کارآزمایی همراه برنامه را برگزینید.</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="130"/>
        <source>Study definition file</source>
        <translation>فایل تعریف مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="153"/>
        <source>No file chosen yet: Choose file… (Alt+F).</source>
        <translation>هنوز فایلی انتخاب نشده است: «انتخاب فایل…» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/study_choice.py" line="155"/>
        <source>A .toml file written for another study; its companion files (lab grades, analysis, …) are read from beside it.</source>
        <translation>یک فایل ‎.toml که برای مطالعهٔ دیگری نوشته شده است؛ فایل‌های همراه آن (درجه‌بندی نتایج آزمایشگاه، تحلیل، …) از کنار همان فایل خوانده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="53"/>
        <source>Next visit</source>
        <translation>ویزیت بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="151"/>
        <source>Fil&amp;ter:</source>
        <translation>&amp;فیلتر:</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="154"/>
        <source>Filter subjects by code, status or next visit</source>
        <translation>فیلتر کردن بیماران بر پایهٔ کد، وضعیت یا ویزیت بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="155"/>
        <source>subject code, status or next visit (e.g. overdue)</source>
        <translation>کد بیمار، وضعیت یا ویزیت بعدی (مثلاً عقب‌افتاده)</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="194"/>
        <source>Register a new subject in screening (the next screening number is given)</source>
        <translation>ثبت یک بیمار جدید در مرحلهٔ غربالگری (شمارهٔ غربالگری بعدی به او داده می‌شود)</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="214"/>
        <source>{shown} of {total}</source>
        <translation>{shown} از {total}</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="215"/>
        <source>{n} subjects</source>
        <translation>{n} بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="271"/>
        <source>Subject not registered</source>
        <translation>بیمار ثبت نشد</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="273"/>
        <source>Registered subject {code} in screening</source>
        <translation>بیمار {code} در مرحلهٔ غربالگری ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="39"/>
        <source>Values already recorded elsewhere</source>
        <translation>مقادیری که پیش‌تر در جای دیگری ثبت شده‌اند</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="42"/>
        <source>Check each value, then take it ({key} in the field) or type your own.</source>
        <translation>هر مقدار را بررسی کنید، سپس آن را بپذیرید ({key} در فیلد) یا مقدار خودتان را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="102"/>
        <source>Take the suggested value for the field (Values already recorded elsewhere)</source>
        <translation>پذیرفتن مقدار پیشنهادی برای فیلد (مقادیری که پیش‌تر در جای دیگری ثبت شده‌اند)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="55"/>
        <source>Visit matrix: forms by visit</source>
        <translation>جدول ویزیت‌ها: فرم‌ها بر پایهٔ ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="137"/>
        <source>{n} entry</source>
        <translation>{n} ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="137"/>
        <source>{n} entries</source>
        <translation>{n} ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="138"/>
        <source>none yet</source>
        <translation>هنوز هیچ</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="145"/>
        <source>2nd entry due</source>
        <translation>ورود دوم مانده</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="146"/>
        <source>to resolve</source>
        <translation>برای حل</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="148"/>
        <source>restricted</source>
        <translation>دسترسی محدود</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="156"/>
        <source>{spoken} — double-click or Enter to open</source>
        <translation>{spoken} — برای باز کردن دوبار کلیک کنید یا Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="210"/>
        <source>Entry {n}: {status}</source>
        <translation>ورودی {n}: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="214"/>
        <source>New entry</source>
        <translation>ورودی جدید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="36"/>
        <source>Research nurse (data entry)</source>
        <translation>پرستار پژوهش (ورود داده)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="37"/>
        <source>Investigator</source>
        <translation>پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="38"/>
        <source>Monitor</source>
        <translation>پایشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="39"/>
        <source>Administrator</source>
        <translation>مدیر سامانه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="80"/>
        <source>enter data</source>
        <translation>ورود داده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="80"/>
        <source>change data</source>
        <translation>تغییر داده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="81"/>
        <source>delete data</source>
        <translation>حذف داده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="82"/>
        <source>create subjects and change their status</source>
        <translation>ایجاد بیمار و تغییر وضعیت بیماران</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="83"/>
        <source>verify source data</source>
        <translation>راستی‌آزمایی دادهٔ منبع</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="83"/>
        <source>sign forms</source>
        <translation>امضای فرم‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="84"/>
        <source>lock forms</source>
        <translation>قفل کردن فرم‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="84"/>
        <source>unlock forms</source>
        <translation>باز کردن قفل فرم‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="85"/>
        <source>manage users</source>
        <translation>مدیریت کاربران</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="85"/>
        <source>change study settings</source>
        <translation>تغییر تنظیمات مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="86"/>
        <source>raise queries</source>
        <translation>طرح پرسش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="86"/>
        <source>answer queries</source>
        <translation>پاسخ دادن به پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="87"/>
        <source>close queries</source>
        <translation>بستن پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="87"/>
        <source>export data</source>
        <translation>خروجی گرفتن از داده‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="88"/>
        <source>see direct identifiers</source>
        <translation>دیدن شناسه‌های مستقیم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="88"/>
        <source>view data</source>
        <translation>دیدن داده‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="89"/>
        <source>view the audit trail</source>
        <translation>دیدن ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="90"/>
        <source>give the infusion to a subject not found eligible</source>
        <translation>انجام تزریق برای بیماری که واجد شرایط شناخته نشده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="91"/>
        <source>review the whole audit trail</source>
        <translation>بازبینی کل ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="92"/>
        <source>see CDISC codes</source>
        <translation>دیدن کدهای CDISC</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="93"/>
        <source>import terminologies (CTCAE)</source>
        <translation>وارد کردن اصطلاح‌نامه‌ها (CTCAE)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="94"/>
        <source>amend the study definition</source>
        <translation>اصلاح تعریف مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="196"/>
        <source>at least {n} characters</source>
        <translation>دست‌کم {n} نویسه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="197"/>
        <source>letters mixed with digits or other characters</source>
        <translation>ترکیب حروف با رقم یا نویسه‌های دیگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="198"/>
        <source>not containing the user id or your name</source>
        <translation>بدون شناسهٔ کاربری یا نام شما</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="199"/>
        <source>not a common password (Password12, qwerty123), a keyboard run or a study word</source>
        <translation>نه گذرواژه‌ای رایج (Password12، qwerty123)، نه ردیفی از کلیدهای صفحه‌کلید و نه واژه‌ای از مطالعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="200"/>
        <source>no space at the start or the end</source>
        <translation>بدون فاصله در آغاز یا پایان</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="213"/>
        <source>The password must be text.</source>
        <translation>گذرواژه باید متن باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="215"/>
        <source>The password must have at least {n} characters.</source>
        <translation>گذرواژه باید دست‌کم {n} نویسه داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="218"/>
        <source>The password must mix letters with digits or other characters.</source>
        <translation>گذرواژه باید ترکیبی از حروف با رقم یا نویسه‌های دیگر باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="220"/>
        <location filename="../../alsdesk/passwords.py" line="92"/>
        <source>The password must not contain the user id.</source>
        <translation>گذرواژه نباید شامل شناسهٔ کاربری باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="222"/>
        <source>The password must not start or end with a space.</source>
        <translation>گذرواژه نباید با فاصله آغاز یا تمام شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="224"/>
        <source>The password must have at most {n} characters.</source>
        <translation>گذرواژه حداکثر می‌تواند {n} نویسه داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="227"/>
        <source>The password holds a control or invisible character: type it again with letters, digits and signs only.</source>
        <translation>گذرواژه یک نویسهٔ کنترلی یا نامرئی دارد: آن را دوباره فقط با حروف، رقم‌ها و نشانه‌ها تایپ کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="77"/>
        <source>onset day or month unknown: mid-month (or mid-year) used</source>
        <translation>روز یا ماه شروع بیماری نامعلوم است: میانهٔ ماه (یا میانهٔ سال) به کار رفت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="208"/>
        <source>Eligible: every criterion met</source>
        <translation>واجد شرایط: همهٔ معیارها برقرار است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="210"/>
        <source>Not eligible: {failed}</source>
        <translation>واجد شرایط نیست: {failed}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="212"/>
        <source>Not yet decidable: {missing} not recorded</source>
        <translation>هنوز نمی‌توان تصمیم گرفت: {missing} ثبت نشده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="224"/>
        <source>{sign}{percent:.1f} % (within tolerance)</source>
        <translation>{sign}{percent:.1f} % (در محدودهٔ مجاز)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="225"/>
        <source>{sign}{percent:.1f} % (OUTSIDE tolerance)</source>
        <translation>{sign}{percent:.1f} % (بیرون از محدودهٔ مجاز)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/derive.py" line="297"/>
        <source>derived value {ref} refers back to itself</source>
        <translation>مقدار محاسبه‌شدهٔ {ref} به خودش ارجاع می‌دهد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="44"/>
        <source>Mon</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="44"/>
        <source>Tue</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="44"/>
        <source>Wed</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="45"/>
        <source>Thu</source>
        <translation>پنجشنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="45"/>
        <source>Fri</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="45"/>
        <source>Sat</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="46"/>
        <source>Sun</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="131"/>
        <source>{n} min</source>
        <translation>{n} دقیقه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="134"/>
        <location filename="../../alsdesk/study/diff.py" line="251"/>
        <source>{n} h</source>
        <translation>{n} ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="137"/>
        <source>{days} days {hours} h</source>
        <translation>{days} روز و {hours} ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="138"/>
        <source>{days} days</source>
        <translation>{days} روز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="164"/>
        <source>Initial SAE report to {recipient}</source>
        <translation>گزارش اولیهٔ عارضهٔ ناخواستهٔ جدی به {recipient}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="165"/>
        <source>Follow-up SAE report to {recipient}</source>
        <translation>گزارش پیگیری عارضهٔ ناخواستهٔ جدی به {recipient}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="166"/>
        <source>Final SAE follow-up report (the outcome) to {recipient}</source>
        <translation>گزارش نهایی پیگیری عارضهٔ ناخواستهٔ جدی (پیامد) به {recipient}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="174"/>
        <source>Initial report</source>
        <translation>گزارش اولیه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="174"/>
        <source>Follow-up report</source>
        <translation>گزارش پیگیری</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="175"/>
        <source>Final report</source>
        <translation>گزارش نهایی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="181"/>
        <source>{report} due today (by {when}; a report dated today is on time)</source>
        <translation>{report} امروز موعد دارد (تا {when}؛ گزارشی با تاریخ امروز به‌موقع است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="183"/>
        <source>{report} due today</source>
        <translation>{report} امروز موعد دارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="186"/>
        <source>{report} due in {left} ({when})</source>
        <translation>{report} تا {left} دیگر ({when})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="188"/>
        <source>{report} due in {left}</source>
        <translation>{report} تا {left} دیگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="191"/>
        <source>{report} OVERDUE by {late} (was due {when})</source>
        <translation>{report} {late} از موعد گذشته است (موعد: {when})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="193"/>
        <source>{report} OVERDUE by {late}</source>
        <translation>{report} {late} از موعد گذشته است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="200"/>
        <source> (time not recorded)</source>
        <translation> (ساعت ثبت نشده)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="201"/>
        <source>{report} sent {when}</source>
        <translation>{report} ارسال شد {when}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="206"/>
        <source>{late} late</source>
        <translation>{late} دیرتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="210"/>
        <source>{n} day late</source>
        <translation>{n} روز دیرتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="210"/>
        <source>{n} days late</source>
        <translation>{n} روز دیرتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="213"/>
        <source>{sent}, on time (due {when})</source>
        <translation>{sent}، به‌موقع (موعد: {when})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/sae.py" line="216"/>
        <source>{sent}: {late} (due {when})</source>
        <translation>{sent}: {late} (موعد: {when})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="72"/>
        <source>{name}: study {study}, {subjects} subjects, {rows} audit rows, {mb:.1f} MB, checked OK</source>
        <translation>{name}: مطالعهٔ {study}، {subjects} بیمار، {rows} ردیف ردپای ممیزی، {mb:.1f} MB، بررسی شد و سالم است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="110"/>
        <source>The backup folder {problem}.</source>
        <translation>پوشهٔ نسخهٔ پشتیبان {problem}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="113"/>
        <source>Keep between 1 and {most} automatic backups.</source>
        <translation>بین 1 تا {most} نسخهٔ پشتیبان خودکار نگه دارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="118"/>
        <source>Give the backup folder as a full path, not &apos;{folder}&apos;.</source>
        <translation>پوشهٔ نسخهٔ پشتیبان را با مسیر کامل بدهید، نه &apos;{folder}&apos;.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="144"/>
        <source>{path} already exists: pick a new file name for the backup.</source>
        <translation>{path} از پیش وجود دارد: برای نسخهٔ پشتیبان نام فایل تازه‌ای برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="148"/>
        <source>The backup folder {folder} is not there. If it is on a USB stick or a network drive, check that it is connected; otherwise choose another folder.</source>
        <translation>پوشهٔ نسخهٔ پشتیبان {folder} در دسترس نیست. اگر روی حافظهٔ USB یا درایو شبکه است، بررسی کنید که متصل باشد؛ وگرنه پوشهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="180"/>
        <source>The backup was written to {path}, but its audit head could not be added to the heads log in {folder} ({error}). Check that the folder can be written to.</source>
        <translation>نسخهٔ پشتیبان در {path} نوشته شد، اما سرِ زنجیرهٔ ردپای ممیزی آن به فهرست سرهای زنجیره در {folder} افزوده نشد ({error}). بررسی کنید که بتوان در این پوشه نوشت.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="217"/>
        <source>The database&apos;s tables are not as ALS Desk made them ({problems}), so no backup was made and no older one was deleted. Run &apos;alsdesk verify&apos;, and restore the latest good backup.</source>
        <translation>جدول‌های پایگاه داده آن‌گونه که ALS Desk ساخته است نیستند ({problems})، بنابراین نسخهٔ پشتیبانی تهیه نشد و هیچ نسخهٔ قدیمی‌تری حذف نشد. &apos;alsdesk verify&apos; را اجرا کنید و آخرین نسخهٔ پشتیبان سالم را بازگردانی کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="230"/>
        <source>The backup was written to {path}, but the database&apos;s audit trail no longer contains what earlier backups or seals recorded:
{problems}
No older backup was deleted. Keep the database and the backup folder as they are, run &apos;alsdesk verify&apos; and tell the data manager.</source>
        <translation>نسخهٔ پشتیبان در {path} نوشته شد، اما ردپای ممیزی پایگاه داده دیگر آنچه را نسخه‌های پشتیبان یا مهرهای پیشین ثبت کرده‌اند در بر ندارد:
{problems}
هیچ نسخهٔ پشتیبان قدیمی‌تری حذف نشد. پایگاه داده و پوشهٔ نسخه‌های پشتیبان را همان‌گونه که هستند نگه دارید، &apos;alsdesk verify&apos; را اجرا کنید و به مدیر داده‌ها اطلاع دهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="422"/>
        <source>The backup folder {folder} is not there. If it is on a USB stick or a network drive, check that it is connected; an administrator can choose another folder in the settings.</source>
        <translation>پوشهٔ نسخهٔ پشتیبان {folder} در دسترس نیست. اگر روی حافظهٔ USB یا درایو شبکه است، بررسی کنید که متصل باشد؛ مدیر سامانه می‌تواند در تنظیمات پوشهٔ دیگری برگزیند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="430"/>
        <source>The folder {folder} is not there: create it or connect the drive first.</source>
        <translation>پوشهٔ {folder} در دسترس نیست: ابتدا آن را بسازید یا درایو را متصل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="437"/>
        <source>ALS Desk cannot write to the folder {folder} ({error}): choose another one.</source>
        <translation>ALS Desk نمی‌تواند در پوشهٔ {folder} بنویسد ({error}): پوشهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="444"/>
        <source>The disk holding {folder} is full: the backup was not written. Free some space or choose another backup folder.</source>
        <translation>دیسکی که {folder} روی آن است پر است: نسخهٔ پشتیبان نوشته نشد. کمی فضا آزاد کنید یا پوشهٔ دیگری برای نسخه‌های پشتیبان برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="448"/>
        <source>ALS Desk cannot write to {folder}: the backup was not written. Check the folder (and that a USB stick is not locked).</source>
        <translation>ALS Desk نمی‌تواند در {folder} بنویسد: نسخهٔ پشتیبان نوشته نشد. پوشه را بررسی کنید (و اینکه حافظهٔ USB قفل نباشد).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="451"/>
        <location filename="../../alsdesk/backup.py" line="461"/>
        <source>The backup to {path} failed ({error}); nothing was changed.</source>
        <translation>تهیهٔ نسخهٔ پشتیبان در {path} ناموفق بود ({error})؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup.py" line="459"/>
        <source>The disk holding {folder} is full: the backup was not written.</source>
        <translation>دیسکی که {folder} روی آن است پر است: نسخهٔ پشتیبان نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="38"/>
        <source>{name} is a backup of study {study}, not of {want}: it cannot be used here.</source>
        <translation>{name} نسخهٔ پشتیبان مطالعهٔ {study} است، نه {want}: اینجا نمی‌توان از آن استفاده کرد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="45"/>
        <source>The backup {path} is damaged (SQLite integrity check: {problems}). Use another backup.</source>
        <translation>نسخهٔ پشتیبان {path} آسیب دیده است (بررسی یکپارچگی SQLite: {problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="50"/>
        <source>The audit trail in the backup {path} is broken ({problems}). Use another backup.</source>
        <translation>ردپای ممیزی در نسخهٔ پشتیبان {path} گسسته است ({problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="62"/>
        <source>The tables of the backup {path} are not as ALS Desk made them ({problems}). Use another backup.</source>
        <translation>جدول‌های نسخهٔ پشتیبان {path} آن‌گونه که ALS Desk ساخته است نیستند ({problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="67"/>
        <source>The data in the backup {path} differs from its audit trail ({problems}). Use another backup.</source>
        <translation>داده‌های نسخهٔ پشتیبان {path} با ردپای ممیزی آن یکی نیست ({problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="72"/>
        <source>The signatures in the backup {path} do not match its audit trail ({problems}). Use another backup.</source>
        <translation>امضاهای نسخهٔ پشتیبان {path} با ردپای ممیزی آن جور نیست ({problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/backup_check.py" line="82"/>
        <source>The backup {path} differs from its audit trail ({problems}). Use another backup.</source>
        <translation>نسخهٔ پشتیبان {path} با ردپای ممیزی خود یکی نیست ({problems}). از نسخهٔ پشتیبان دیگری استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="45"/>
        <source>1 (speech)</source>
        <translation>1 (گفتار)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="45"/>
        <source>2 (salivation)</source>
        <translation>2 (ترشح بزاق)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="46"/>
        <source>3 (swallowing)</source>
        <translation>3 (بلع)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="47"/>
        <source>4 (handwriting)</source>
        <translation>4 (دست‌خط)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="48"/>
        <source>5a (cutting food, no gastrostomy)</source>
        <translation>5a (بریدن غذا، بدون گاستروستومی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="49"/>
        <source>5b (cutting food, gastrostomy)</source>
        <translation>5b (بریدن غذا، با گاستروستومی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="50"/>
        <source>6 (dressing and hygiene)</source>
        <translation>6 (لباس پوشیدن و بهداشت شخصی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="51"/>
        <source>7 (turning in bed)</source>
        <translation>7 (چرخیدن در تخت)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="51"/>
        <source>8 (walking)</source>
        <translation>8 (راه رفتن)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="52"/>
        <source>9 (climbing stairs)</source>
        <translation>9 (بالا رفتن از پله)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="53"/>
        <source>10 (dyspnea)</source>
        <translation>10 (تنگی نفس)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="53"/>
        <source>11 (orthopnea)</source>
        <translation>11 (ارتوپنه)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="54"/>
        <source>12 (respiratory insufficiency)</source>
        <translation>12 (نارسایی تنفسی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="77"/>
        <source>ALSFRS-R items must be given as item -&gt; score</source>
        <translation>آیتم‌های ALSFRS-R باید به‌صورت آیتم -&gt; نمره داده شوند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="85"/>
        <source>ALSFRS-R item {item}: {value} is not a score; enter a whole number from 0 to 4</source>
        <translation>آیتم {item} در ALSFRS-R: {value} نمره نیست؛ یک عدد صحیح از ۰ تا ۴ وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="89"/>
        <source>ALSFRS-R item {item}: {value} is out of range; scores run from 0 to 4</source>
        <translation>آیتم {item} در ALSFRS-R: {value} خارج از محدوده است؛ نمره‌ها از ۰ تا ۴ هستند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="94"/>
        <source>ALSFRS-R items 5a and 5b are both scored; score 5a when the patient has no gastrostomy, 5b when they have one, never both</source>
        <translation>به هر دو آیتم 5a و 5b در ALSFRS-R نمره داده شده است؛ وقتی بیمار گاستروستومی ندارد به 5a نمره دهید و وقتی دارد به 5b، هرگز به هر دو</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="219"/>
        <location filename="../../alsdesk/clinical/eligibility.py" line="175"/>
        <source>ALSFRS-R total {total} is not a whole number</source>
        <translation>نمرهٔ کل ALSFRS-R ({total}) عدد صحیح نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="222"/>
        <location filename="../../alsdesk/clinical/eligibility.py" line="178"/>
        <source>ALSFRS-R total {total} is out of range; totals run from 0 to 48</source>
        <translation>نمرهٔ کل ALSFRS-R ({total}) خارج از محدوده است؛ نمرهٔ کل از ۰ تا ۴۸ است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="227"/>
        <source>assessment date {assessed} is not after symptom onset {onset} (taken as {taken}); check both dates</source>
        <translation>تاریخ ارزیابی {assessed} پس از شروع علائم {onset} (که {taken} در نظر گرفته شد) نیست؛ هر دو تاریخ را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/alsfrs.py" line="229"/>
        <source>assessment date {assessed} is not after symptom onset {onset}; check both dates</source>
        <translation>تاریخ ارزیابی {assessed} پس از شروع علائم {onset} نیست؛ هر دو تاریخ را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="39"/>
        <source>the year {value} is not a whole number</source>
        <translation>سال {value} عدد صحیح نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="40"/>
        <source>the month {value} is not a whole number</source>
        <translation>ماه {value} عدد صحیح نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="41"/>
        <source>the day {value} is not a whole number</source>
        <translation>روز {value} عدد صحیح نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="60"/>
        <source>year {year} is outside {low} to {high}; dates are entered in the Gregorian calendar</source>
        <translation>سال {year} خارج از بازهٔ {low} تا {high} است؛ تاریخ‌ها به تقویم میلادی وارد می‌شوند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="64"/>
        <source>a day was given without a month; give the month too</source>
        <translation>روز بدون ماه داده شده است؛ ماه را هم وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="67"/>
        <source>month {month} does not exist (months run from 01 to 12)</source>
        <translation>ماه {month} وجود ندارد (ماه‌ها از 01 تا 12 هستند)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="73"/>
        <source>{date} is not a calendar date ({month} {year} has {days} days)</source>
        <translation>{date} تاریخ تقویمی نیست ({month} {year} فقط {days} روز دارد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="95"/>
        <source>unknown imputation {name}; use one of {modes}</source>
        <translation>روش جایگزینی ناشناختهٔ {name}؛ یکی از این‌ها را به کار ببرید: {modes}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="121"/>
        <source>a date must be written as text like 2014-03-21, not {value}</source>
        <translation>تاریخ باید به‌صورت متنی مانند 2014-03-21 نوشته شود، نه {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="126"/>
        <source>{value} is not a date; write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown</source>
        <translation>{value} تاریخ نیست؛ YYYY-MM-DD بنویسید، یا وقتی روز یا ماه معلوم نیست YYYY-MM یا YYYY</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="147"/>
        <source>{value} is not a date</source>
        <translation>{value} تاریخ نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="154"/>
        <source>the {what} is not a date: {value}</source>
        <translation>{what} تاریخ نیست: {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="166"/>
        <source>date of birth</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="167"/>
        <source>date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="170"/>
        <source>the date {date} is before the date of birth {birth}</source>
        <translation>تاریخ {date} پیش از تاریخ تولد {birth} است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="180"/>
        <source>start date</source>
        <translation>تاریخ شروع</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dates.py" line="181"/>
        <source>end date</source>
        <translation>تاریخ پایان</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="36"/>
        <source>{what} {value} is not a number</source>
        <translation>{what} {value} عدد نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="39"/>
        <source>{what} is not a finite number ({value})</source>
        <translation>{what} عدد متناهی نیست ({value})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="45"/>
        <source>body weight</source>
        <translation>وزن بدن</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="48"/>
        <source>body weight {weight:g} kg is outside {low:g} to {high:g} kg; check the weight and its unit (kilograms)</source>
        <translation>وزن بدن {weight:g} kg خارج از بازهٔ {low:g} تا {high:g} kg است؛ وزن و واحد آن (کیلوگرم) را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="61"/>
        <source>cells per kg</source>
        <translation>سلول به ازای هر کیلوگرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="63"/>
        <source>cells per kg must be more than zero, not {n:g}</source>
        <translation>تعداد سلول به ازای هر کیلوگرم باید بیشتر از صفر باشد، نه {n:g}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="86"/>
        <source>target dose</source>
        <translation>دوز هدف</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="87"/>
        <source>cells infused</source>
        <translation>سلول‌های تزریق‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="88"/>
        <source>dose tolerance</source>
        <translation>حد مجاز انحراف دوز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="90"/>
        <source>target dose must be more than zero cells, not {n:g}</source>
        <translation>دوز هدف باید بیشتر از صفر سلول باشد، نه {n:g}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="93"/>
        <source>cells infused cannot be negative ({n:g})</source>
        <translation>تعداد سلول‌های تزریق‌شده نمی‌تواند منفی باشد ({n:g})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="95"/>
        <source>dose tolerance cannot be negative ({n:g} %)</source>
        <translation>حد مجاز انحراف دوز نمی‌تواند منفی باشد ({n:g} %)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="113"/>
        <location filename="../../alsdesk/clinical/dose.py" line="134"/>
        <source>cell count</source>
        <translation>تعداد سلول</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="115"/>
        <location filename="../../alsdesk/clinical/dose.py" line="136"/>
        <source>a cell count cannot be negative ({n:g})</source>
        <translation>تعداد سلول نمی‌تواند منفی باشد ({n:g})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="117"/>
        <source>0 cells</source>
        <translation>0 سلول</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="121"/>
        <source>{mantissa} × 10{power} cells</source>
        <translation>{mantissa} × 10{power} سلول</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="148"/>
        <source>height</source>
        <translation>قد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/dose.py" line="151"/>
        <source>height {height:g} cm is outside {low:g} to {high:g} cm; enter the height in centimetres</source>
        <translation>قد {height:g} cm خارج از بازهٔ {low:g} تا {high:g} cm است؛ قد را به سانتی‌متر وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="31"/>
        <source>not recorded</source>
        <translation>ثبت نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="48"/>
        <source>eligibility rules: lowest age {low} is above highest age {high}</source>
        <translation>قواعد واجد شرایط بودن: کمترین سن ({low}) بیشتر از بیشترین سن ({high}) است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="149"/>
        <source>Age {low} to {high} at consent</source>
        <translation>سن {low} تا {high} سال در زمان رضایت آگاهانه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="153"/>
        <source>date of birth not recorded</source>
        <translation>تاریخ تولد ثبت نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="156"/>
        <source>consent date not recorded</source>
        <translation>تاریخ رضایت آگاهانه ثبت نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="159"/>
        <source>consent date {consent} is before the date of birth {birth}; check both dates</source>
        <translation>تاریخ رضایت آگاهانه {consent} پیش از تاریخ تولد {birth} است؛ هر دو تاریخ را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="165"/>
        <source>age {age} at consent (allowed {low} to {high})</source>
        <translation>سن {age} سال در زمان رضایت آگاهانه (مجاز: {low} تا {high})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="170"/>
        <source>ALSFRS-R total &gt;= {low}</source>
        <translation>نمرهٔ کل ALSFRS-R دست‌کم {low}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="181"/>
        <source>ALSFRS-R {total} (needs &gt;= {low})</source>
        <translation>ALSFRS-R برابر {total} (دست‌کم {low} لازم است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="186"/>
        <source>FVC &gt;= {low} % predicted</source>
        <translation>FVC دست‌کم {low} % مقدار پیش‌بینی‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="192"/>
        <source>FVC {fvc} is not a number</source>
        <translation>FVC ({fvc}) عدد نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="195"/>
        <source>FVC {fvc} % predicted is not possible; enter the percent of predicted, not litres</source>
        <translation>FVC برابر {fvc} % مقدار پیش‌بینی‌شده ممکن نیست؛ درصد مقدار پیش‌بینی‌شده را وارد کنید، نه لیتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="198"/>
        <source>FVC {fvc} % predicted (needs &gt;= {low})</source>
        <translation>FVC برابر {fvc} % مقدار پیش‌بینی‌شده (دست‌کم {low} لازم است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="208"/>
        <source>{criterion}: answer yes or no, not {value}</source>
        <translation>{criterion}: با بله یا خیر پاسخ دهید، نه {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="230"/>
        <source>Sporadic ALS</source>
        <translation>ALS تک‌گیر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="231"/>
        <source>sporadic ALS</source>
        <translation>ALS تک‌گیر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="231"/>
        <source>not sporadic ALS</source>
        <translation>ALS تک‌گیر نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="232"/>
        <source>No familial ALS</source>
        <translation>نبود ALS خانوادگی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="233"/>
        <source>familial ALS</source>
        <translation>ALS خانوادگی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="233"/>
        <source>no familial ALS</source>
        <translation>ALS خانوادگی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="234"/>
        <source>No malignancy</source>
        <translation>نبود بدخیمی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="235"/>
        <source>malignancy present</source>
        <translation>بدخیمی دارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="236"/>
        <source>no malignancy</source>
        <translation>بدخیمی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="237"/>
        <source>No autoimmune disease</source>
        <translation>نبود بیماری خودایمنی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="238"/>
        <source>autoimmune disease present</source>
        <translation>بیماری خودایمنی دارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="239"/>
        <source>no autoimmune disease</source>
        <translation>بیماری خودایمنی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="240"/>
        <source>No other motor neuron disease</source>
        <translation>نبود بیماری دیگری از نورون حرکتی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="242"/>
        <source>another motor neuron disease diagnosed</source>
        <translation>بیماری دیگری از نورون حرکتی تشخیص داده شده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/eligibility.py" line="243"/>
        <source>no other motor neuron disease</source>
        <translation>بیماری دیگری از نورون حرکتی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="92"/>
        <location filename="../../alsdesk/study/diff.py" line="84"/>
        <source>no window</source>
        <translation>بدون بازهٔ زمانی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="97"/>
        <source>day {day}</source>
        <translation>روز {day}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="98"/>
        <source>day {first} to day {last}</source>
        <translation>روز {first} تا روز {last}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="102"/>
        <source>{hours} h after {anchor}</source>
        <translation>{hours} h پس از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="104"/>
        <source>{first} h to {last} h after {anchor}</source>
        <translation>{first} h تا {last} h پس از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="108"/>
        <source>{hours} h before {anchor}</source>
        <translation>{hours} h پیش از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="110"/>
        <source>{first} h to {last} h before {anchor}</source>
        <translation>{first} h تا {last} h پیش از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="112"/>
        <source>{first} h before to {last} h after {anchor}</source>
        <translation>از {first} h پیش تا {last} h پس از {anchor}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="114"/>
        <source>{first} to {last}</source>
        <translation>{first} تا {last}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="136"/>
        <source>visit {visit}: a window in days must use whole days, not {low} to {high}</source>
        <translation>ویزیت {visit}: بازهٔ زمانی برحسب روز باید روزهای کامل باشد، نه {low} تا {high}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="153"/>
        <source>visit {visit}: done {value} is not a date or a date-time</source>
        <translation>ویزیت {visit}: زمان انجام ({value}) تاریخ یا تاریخ و ساعت نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="185"/>
        <source>visit {visit} has a window but no unit (hours or days)</source>
        <translation>ویزیت {visit} بازهٔ زمانی دارد اما واحد ندارد (ساعت یا روز)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="189"/>
        <source>visit {visit}: the window opens ({opens}) after it closes ({closes})</source>
        <translation>ویزیت {visit}: بازهٔ زمانی ({opens}) پس از بسته شدنش ({closes}) باز می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="215"/>
        <source>the current time must be a date-time, not {value}</source>
        <translation>زمان کنونی باید تاریخ و ساعت باشد، نه {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="218"/>
        <source>the infusion start must be a date-time, not {value}</source>
        <translation>شروع تزریق باید تاریخ و ساعت باشد، نه {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="223"/>
        <source>date-times mix clinic local time with time-zone stamped times</source>
        <translation>در تاریخ و ساعت‌ها، ساعت محلی درمانگاه با زمان‌های دارای منطقهٔ زمانی درهم آمیخته است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/clinical/schedule.py" line="246"/>
        <source>the &apos;due&apos; warning period cannot be negative</source>
        <translation>دورهٔ هشدار «سررسید» نمی‌تواند منفی باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/dashboard.py" line="114"/>
        <source>{when} ({offset:g} h)</source>
        <translation>{when} ({offset:g} ساعت)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/dashboard.py" line="203"/>
        <source>(no term)</source>
        <translation>(بدون اصطلاح)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/deviations.py" line="39"/>
        <source>The study definition names no protocol-deviation log ([bindings] deviation_date, deviation_category, deviation_text).</source>
        <translation>تعریف مطالعه هیچ فرمی برای ثبت انحراف از پروتکل مشخص نکرده است ([bindings] deviation_date، deviation_category، deviation_text).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/deviations.py" line="56"/>
        <source>Describe the deviation.</source>
        <translation>انحراف از پروتکل را شرح دهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/deviations.py" line="78"/>
        <source>The check {check} does not offer a deviation entry.</source>
        <translation>بررسی {check} ثبت انحراف از پروتکل را پیشنهاد نمی‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/deviations.py" line="81"/>
        <source>The note is empty: say what happened before recording it as a protocol deviation.</source>
        <translation>یادداشت خالی است: پیش از ثبت آن به‌عنوان انحراف از پروتکل، بنویسید چه روی داده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/errors.py" line="40"/>
        <source>The form cannot be marked complete:
{findings}</source>
        <translation>فرم را نمی‌توان به‌عنوان کامل ثبت کرد:
{findings}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="235"/>
        <source>{open} open query, {answered} answered</source>
        <translation>{open} پرسش باز، {answered} پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="236"/>
        <source>{open} open queries, {answered} answered</source>
        <translation>{open} پرسش باز، {answered} پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="238"/>
        <source>{n} open query</source>
        <translation>{n} پرسش باز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="239"/>
        <source>{n} open queries</source>
        <translation>{n} پرسش باز</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="242"/>
        <source>{n} answered query</source>
        <translation>{n} پرسش پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/overview.py" line="243"/>
        <source>{n} answered queries</source>
        <translation>{n} پرسش پاسخ‌داده‌شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="96"/>
        <source>The password must not contain your name.</source>
        <translation>گذرواژه نباید شامل نام شما باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="101"/>
        <source>The password must not be your name.</source>
        <translation>گذرواژه نباید نام شما باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="104"/>
        <source>The password is a keyboard or alphabet run (like qwerty or 123456): choose words nobody would guess.</source>
        <translation>گذرواژه ردیفی پشت‌سرهم از کلیدهای صفحه‌کلید یا حروف الفبا است (مانند qwerty یا 123456): واژه‌هایی برگزینید که کسی حدس نزند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="108"/>
        <source>The password is a run of digits with a letter or two: choose words nobody would guess.</source>
        <translation>گذرواژه رشته‌ای از رقم‌ها با یکی دو حرف است: واژه‌هایی برگزینید که کسی حدس نزند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="111"/>
        <source>The password repeats one piece: choose words nobody would guess.</source>
        <translation>گذرواژه تکرار یک تکه است: واژه‌هایی برگزینید که کسی حدس نزند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="113"/>
        <source>The password is one of the most common passwords (with digits or signs added): choose words nobody would guess.</source>
        <translation>گذرواژه یکی از رایج‌ترین گذرواژه‌هاست (با رقم یا نشانه‌ای افزوده): واژه‌هایی برگزینید که کسی حدس نزند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/passwords.py" line="119"/>
        <source>The password is a word of this study or site: choose words nobody would guess.</source>
        <translation>گذرواژه واژه‌ای از این مطالعه یا مرکز است: واژه‌هایی برگزینید که کسی حدس نزند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="45"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="39"/>
        <source>Allowed {low} to {high}{unit}</source>
        <translation>مجاز {low} تا {high}{unit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="42"/>
        <source>Allowed {low}{unit} or more</source>
        <translation>مجاز {low}{unit} یا بیشتر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="44"/>
        <source>Allowed up to {high}{unit}</source>
        <translation>مجاز تا {high}{unit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="81"/>
        <location filename="../../alsdesk/pdf/wording.py" line="93"/>
        <location filename="../../alsdesk/permissions.py" line="45"/>
        <location filename="../../alsdesk/setting_rules.py" line="28"/>
        <source> or </source>
        <translation> یا </translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="88"/>
        <source>is</source>
        <translation>برابر است با</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="88"/>
        <source>is not</source>
        <translation>برابر نیست با</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="93"/>
        <source> and </source>
        <translation> و </translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="96"/>
        <source>not ({condition})</source>
        <translation>نه ({condition})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="103"/>
        <source>{field} is recorded</source>
        <translation>{field} ثبت شده باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="104"/>
        <source>{field} is blank</source>
        <translation>{field} خالی باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="126"/>
        <source>not printed (date of birth)</source>
        <translation>چاپ نمی‌شود (تاریخ تولد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/wording.py" line="127"/>
        <source>{year} (day and month not printed)</source>
        <translation>{year} (روز و ماه چاپ نمی‌شوند)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="51"/>
        <source>Log in first: you must be logged in to {action}.</source>
        <translation>ابتدا وارد شوید: برای {action} باید وارد سامانه شده باشید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="55"/>
        <location filename="../../alsdesk/permissions.py" line="150"/>
        <source>nobody</source>
        <translation>هیچ‌کس</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="56"/>
        <source>Only a user with the role {roles} may {action} (you are {role}).</source>
        <translation>فقط کاربری با نقش {roles} اجازهٔ {action} را دارد (نقش شما: {role}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="60"/>
        <location filename="../../alsdesk/store/double_rules.py" line="135"/>
        <location filename="../../alsdesk/store/forms.py" line="457"/>
        <source>This form is locked: an administrator must unlock it before it can change.</source>
        <translation>این فرم قفل است: پیش از هر تغییری، مدیر سامانه باید قفل آن را باز کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="62"/>
        <location filename="../../alsdesk/store/double_rules.py" line="133"/>
        <location filename="../../alsdesk/store/forms.py" line="460"/>
        <source>This entry was deleted; it cannot be changed.</source>
        <translation>این مورد حذف شده است؛ نمی‌توان آن را تغییر داد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="83"/>
        <location filename="../../alsdesk/permissions.py" line="85"/>
        <source>This form was already verified.</source>
        <translation>این فرم پیش‌تر راستی‌آزمایی شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="87"/>
        <source>Only a complete or signed form can be verified (this one is {status}).</source>
        <translation>فقط فرم کامل یا امضاشده را می‌توان راستی‌آزمایی کرد (وضعیت این فرم: {status}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="110"/>
        <location filename="../../alsdesk/store/workflow.py" line="187"/>
        <source>Only a complete form can be signed (this one is {status}).</source>
        <translation>فقط فرم کامل را می‌توان امضا کرد (وضعیت این فرم «{status}» است).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="115"/>
        <location filename="../../alsdesk/store/workflow.py" line="233"/>
        <source>A form that is {status} cannot be locked.</source>
        <translation>فرمی که در وضعیت «{status}» است قفل نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="119"/>
        <location filename="../../alsdesk/store/workflow.py" line="304"/>
        <source>This form is not locked.</source>
        <translation>این فرم قفل نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="123"/>
        <source>Save the form first: a query is raised on stored data.</source>
        <translation>ابتدا فرم را ذخیره کنید: پرسش روی دادهٔ ذخیره‌شده طرح می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="135"/>
        <source>Only entries of a log or list can be deleted; correct the values of this form instead.</source>
        <translation>فقط ورودی‌های یک فرم ثبت یا فهرست را می‌توان حذف کرد؛ به‌جای حذف، مقدارهای این فرم را اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="138"/>
        <source>An entry that is {status} cannot be deleted.</source>
        <translation>ورودی با وضعیت «{status}» را نمی‌توان حذف کرد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="152"/>
        <source>This entry is signed: only a user with the role {roles} may delete it.</source>
        <translation>این ورودی امضا شده است: فقط کاربری با نقش {roles} می‌تواند آن را حذف کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="154"/>
        <source>This entry is signed: only a user with the role {roles} may delete it (you are {role}).</source>
        <translation>این ورودی امضا شده است: فقط کاربری با نقش {roles} می‌تواند آن را حذف کند (نقش شما: {role}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/permissions.py" line="196"/>
        <location filename="../../alsdesk/store/forms.py" line="585"/>
        <source>The event &apos;{event}&apos; happens only once.</source>
        <translation>رویداد «{event}» فقط یک بار رخ می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="65"/>
        <source>{path}: {n} subject, last change {when}, {head}</source>
        <translation>{path}: {n} بیمار، آخرین تغییر: {when}، {head}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="66"/>
        <source>{path}: {n} subjects, last change {when}, {head}</source>
        <translation>{path}: {n} بیمار، آخرین تغییر: {when}، {head}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/filled.py" line="142"/>
        <location filename="../../alsdesk/restore.py" line="68"/>
        <location filename="../../alsdesk/study/diff.py" line="249"/>
        <location filename="../../alsdesk/study/diff.py" line="281"/>
        <location filename="../../alsdesk/study/diff.py" line="283"/>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="88"/>
        <location filename="../../alsdesk/restore.py" line="93"/>
        <source>Replaces:  {file}</source>
        <translation>جایگزینِ:  {file}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="89"/>
        <source>The current database was changed outside ALS Desk (nobody can log in to it), so an administrator of the backup authorises the restore, if the backup is a known earlier state of this database.</source>
        <translation>پایگاه دادهٔ کنونی بیرون از ALS Desk تغییر کرده است (هیچ‌کس نمی‌تواند وارد آن شود)، بنابراین مدیر سامانهٔ نسخهٔ پشتیبان بازگردانی را تأیید می‌کند، به شرط آنکه نسخهٔ پشتیبان حالت پیشینِ شناخته‌شده‌ای از همین پایگاه داده باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="94"/>
        <source>An administrator of the current database authorises the restore.</source>
        <translation>مدیر سامانهٔ پایگاه دادهٔ کنونی بازگردانی را تأیید می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="96"/>
        <source>Replaces:  nothing (there is no database at {path})</source>
        <translation>جایگزینِ:  هیچ (در {path} پایگاه داده‌ای نیست)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="98"/>
        <source>There is no current database, so an administrator of the backup authorises the restore.</source>
        <translation>پایگاه دادهٔ کنونی وجود ندارد، بنابراین مدیر سامانهٔ نسخهٔ پشتیبان بازگردانی را تأیید می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="101"/>
        <source>Replaces:  {path}, which cannot be read ({problem})</source>
        <translation>جایگزینِ:  {path}، که خوانده نمی‌شود ({problem})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="103"/>
        <source>The current file cannot be read, so an administrator of the backup authorises the restore.</source>
        <translation>فایل کنونی خوانده نمی‌شود، بنابراین مدیر سامانهٔ نسخهٔ پشتیبان بازگردانی را تأیید می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="105"/>
        <source>With:      {file}</source>
        <translation>با:        {file}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="107"/>
        <source>The backup is encrypted with another key than the current database: after the restore its recovery key is the backup&apos;s (the one shown when that file was made or encrypted), not the one in the binder for the current file.</source>
        <translation>نسخهٔ پشتیبان با کلیدی جز کلید پایگاه دادهٔ کنونی رمزگذاری شده است: پس از بازگرداندن، کلید بازیابی آن کلید نسخهٔ پشتیبان است (همان که هنگام ساختن یا رمزگذاری آن پرونده نشان داده شد)، نه آنچه برای پروندهٔ کنونی در پوشهٔ مطالعه است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="224"/>
        <source>The restore of {path} failed ({error}); the database at that name was not replaced.</source>
        <translation>بازگردانی {path} ناموفق بود ({error})؛ پایگاه داده‌ای که این نام را دارد جایگزین نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="244"/>
        <source>The backup {path} is encrypted with another key, and your login does not open it with its key file {keys}: check the user id and password, and that the key file was copied with the backup.</source>
        <translation>نسخهٔ پشتیبان {path} با کلید دیگری رمزگذاری شده است و ورود شما آن را با پروندهٔ کلیدش {keys} باز نمی‌کند: شناسهٔ کاربری و گذرواژه را بررسی کنید، و اینکه پروندهٔ کلید همراه نسخهٔ پشتیبان رونوشت شده باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="267"/>
        <source>Only an administrator may restore a backup; {user} is a {role}.</source>
        <translation>فقط مدیر سامانه می‌تواند نسخهٔ پشتیبان را بازگردانی کند؛ نقش {user}، {role} است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="276"/>
        <source>There is no backup file {path}.</source>
        <translation>فایل پشتیبان {path} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="278"/>
        <source>That is the database itself, not a backup of it.</source>
        <translation>این خودِ پایگاه داده است، نه نسخهٔ پشتیبان آن.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="280"/>
        <source>The folder {folder} is not there.</source>
        <translation>پوشهٔ {folder} در دسترس نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="283"/>
        <source>{backup} is not encrypted (it was made before the database was): restoring it would put the patients&apos; data back in the clear. Copy it to a new name, run &apos;alsdesk encrypt&apos; on that copy (--db), then restore the copy.</source>
        <translation>{backup} رمزگذاری نشده است (پیش از رمزگذاری پایگاه داده ساخته شده): بازگرداندن آن داده‌های بیماران را دوباره بی‌رمز می‌کند. آن را با نامی تازه رونوشت کنید، &apos;alsdesk encrypt&apos; را روی آن رونوشت اجرا کنید (--db)، سپس رونوشت را بازگردانید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="290"/>
        <source>{path} is a link to {target}: restore the database itself (give that path with --db).</source>
        <translation>{path} پیوندی به {target} است: خودِ پایگاه داده را بازگردانی کنید (آن مسیر را با --db بدهید).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="315"/>
        <source>{path} holds data of study {found}, not {study}: a backup of {study} is not restored over it.</source>
        <translation>{path} دادهٔ مطالعهٔ {found} را دارد، نه {study}: نسخهٔ پشتیبان {study} روی آن بازگردانی نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="366"/>
        <source>{path} was changed outside ALS Desk, so its own administrators cannot authorise a restore, and {backup} is not a known earlier state of it (its {head} is neither in the database&apos;s audit trail nor in the heads log or seal kept with its backups). Restore a backup that ALS Desk made of this database.</source>
        <translation>{path} بیرون از ALS Desk تغییر کرده است، بنابراین مدیران سامانهٔ خودِ آن نمی‌توانند بازگردانی را تأیید کنند، و {backup} حالت پیشینِ شناخته‌شده‌ای از آن نیست ({head} آن نه در ردپای ممیزی پایگاه داده هست و نه در فهرست سرهای زنجیره یا مهری که کنار نسخه‌های پشتیبان آن نگه داشته می‌شود). نسخهٔ پشتیبانی را بازگردانی کنید که ALS Desk از همین پایگاه داده تهیه کرده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="417"/>
        <source>The restored copy failed its check:
{report}</source>
        <translation>نسخهٔ بازگردانی‌شده در بررسی رد شد:
{report}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/restore.py" line="481"/>
        <source>{path} cannot be read ({error}).</source>
        <translation>{path} خوانده نمی‌شود ({error}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="122"/>
        <location filename="../../alsdesk/rules/engine.py" line="129"/>
        <source>Check {check} could not be evaluated: {problem}</source>
        <translation>کنترل {check} را نمی‌توان ارزیابی کرد: {problem}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="139"/>
        <source>Check {check} could not be evaluated: it gave {result}, not true or false, in check &apos;{expr}&apos;</source>
        <translation>کنترل {check} را نمی‌توان ارزیابی کرد: نتیجهٔ کنترل &apos;{expr}&apos; {result} بود، نه درست یا نادرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="160"/>
        <location filename="../../alsdesk/store/lock.py" line="532"/>
        <source>{time} today</source>
        <translation>امروز ساعت {time}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="171"/>
        <source>{label}: {value} is in the future (now: {now}) — enter the date it happened</source>
        <translation>{label}: {value} در آینده است (اکنون: {now}) — تاریخی را که رخ داده است وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="209"/>
        <source>{label}: &apos;{code}&apos; is not an allowed missing-data code (allowed here: {codes})</source>
        <translation>{label}: &apos;{code}&apos; کد دادهٔ ناموجود مجاز نیست (مجاز در اینجا: {codes})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="211"/>
        <source>{label}: &apos;{code}&apos; is not an allowed missing-data code (none is allowed here, so enter a value)</source>
        <translation>{label}: &apos;{code}&apos; کد دادهٔ ناموجود مجاز نیست (در اینجا هیچ کدی مجاز نیست، پس یک مقدار وارد کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="217"/>
        <source>{label} has both a value and a missing-data code ({code}) — keep one</source>
        <translation>{label} هم مقدار دارد و هم کد دادهٔ ناموجود ({code}) — فقط یکی را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="221"/>
        <source>Whether {label} applies could not be worked out: {problem}</source>
        <translation>نمی‌توان تعیین کرد که {label} کاربرد دارد یا نه: {problem}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="225"/>
        <source>{label} is required: enter a value or a missing-data code ({codes})</source>
        <translation>{label} الزامی است: یک مقدار یا یک کد دادهٔ ناموجود ({codes}) وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="226"/>
        <source>{label} is required: enter a value</source>
        <translation>{label} الزامی است: یک مقدار وارد کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="231"/>
        <source>{label} does not apply ({why}) — clear it</source>
        <translation>{label} کاربرد ندارد ({why}) — آن را پاک کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="242"/>
        <source>it applies only if {condition}</source>
        <translation>فقط وقتی کاربرد دارد که {condition}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="245"/>
        <source>it depends on {fields}, which does not apply</source>
        <translation>به {fields} بستگی دارد که کاربرد ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="246"/>
        <source>it depends on {fields}, which do not apply</source>
        <translation>به {fields} بستگی دارد که کاربرد ندارند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/engine.py" line="373"/>
        <source>it gave {result}, not true or false, in check &apos;{expr}&apos;</source>
        <translation>نتیجهٔ کنترل &apos;{expr}&apos; {result} بود، نه درست یا نادرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="60"/>
        <source>&apos;is&apos; (use blank(x) or present(x))</source>
        <translation>&apos;is&apos; (از blank(x) یا present(x) استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="61"/>
        <source>&apos;is not&apos; (use present(x))</source>
        <translation>&apos;is not&apos; (از present(x) استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="65"/>
        <source>attribute access (a.b)</source>
        <translation>دسترسی به ویژگی (a.b)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="66"/>
        <source>subscripts (a[i])</source>
        <translation>اندیس‌گذاری (a[i])</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="67"/>
        <source>slices (a[i:j])</source>
        <translation>برش (a[i:j])</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="68"/>
        <location filename="../../alsdesk/rules/expr.py" line="69"/>
        <location filename="../../alsdesk/rules/expr.py" line="70"/>
        <location filename="../../alsdesk/rules/expr.py" line="71"/>
        <source>comprehensions</source>
        <translation>ساختارهای comprehension</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="72"/>
        <source>assignment (:=)</source>
        <translation>انتساب (:=)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="73"/>
        <location filename="../../alsdesk/rules/expr.py" line="74"/>
        <source>f-strings</source>
        <translation>f-stringها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="75"/>
        <source>dictionaries</source>
        <translation>دیکشنری‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="75"/>
        <source>sets</source>
        <translation>مجموعه‌ها</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="76"/>
        <source>star arguments (*x)</source>
        <translation>آرگومان‌های ستاره‌دار (*x)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="128"/>
        <location filename="../../alsdesk/rules/expr.py" line="135"/>
        <source>{problem} in check &apos;{check}&apos;</source>
        <translation>{problem} در کنترل &apos;{check}&apos;</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="131"/>
        <source>division by zero in check &apos;{check}&apos;</source>
        <translation>تقسیم بر صفر در کنترل &apos;{check}&apos;</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="143"/>
        <source>an expression must be text, not {type}</source>
        <translation>عبارت باید متن باشد، نه {type}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="147"/>
        <source>the expression is empty</source>
        <translation>عبارت خالی است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="150"/>
        <source>the expression is {n} characters long; at most {limit} are allowed</source>
        <translation>عبارت {n} نویسه است؛ حداکثر {limit} نویسه مجاز است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="155"/>
        <source>column {n}</source>
        <translation>ستون {n}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="155"/>
        <source>the end</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="157"/>
        <source>line {line}, {where}</source>
        <translation>سطر {line}، {where}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="158"/>
        <source>syntax error at {where} in check &apos;{check}&apos;: {problem}</source>
        <translation>خطای نحوی در {where} در کنترل &apos;{check}&apos;: {problem}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="161"/>
        <source>cannot read check &apos;{check}&apos;: {problem}</source>
        <translation>کنترل &apos;{check}&apos; را نمی‌توان خواند: {problem}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="181"/>
        <source>{what} cannot be used in check &apos;{check}&apos;</source>
        <translation>{what} را نمی‌توان در کنترل &apos;{check}&apos; به کار برد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="186"/>
        <source>check &apos;{check}&apos; is nested too deeply</source>
        <translation>کنترل &apos;{check}&apos; بیش از حد تودرتو است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="191"/>
        <source>the literal {value}</source>
        <translation>مقدار ثابت {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="195"/>
        <source>&apos;{name}&apos; is a function; call it as {name}(...) in check &apos;{check}&apos;</source>
        <translation>&apos;{name}&apos; یک تابع است؛ در کنترل &apos;{check}&apos; آن را به‌صورت {name}(...) فراخوانی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="221"/>
        <location filename="../../alsdesk/rules/expr.py" line="223"/>
        <source>comparing with None (use blank(x) or present(x))</source>
        <translation>مقایسه با None (از blank(x) یا present(x) استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="245"/>
        <source>attribute access ({code}) cannot be used in check &apos;{check}&apos;; a field of another form is written form.field or event.form.field</source>
        <translation>دسترسی به ویژگی ({code}) را نمی‌توان در کنترل &apos;{check}&apos; به کار برد؛ فیلدی از فرم دیگر به‌صورت form.field یا event.form.field نوشته می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="249"/>
        <source>&apos;{name}&apos; in check &apos;{check}&apos; starts with a function name; a function name cannot start a reference</source>
        <translation>&apos;{name}&apos; در کنترل &apos;{check}&apos; با نام یک تابع شروع می‌شود؛ یک ارجاع نمی‌تواند با نام تابع شروع شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="257"/>
        <source>not a plain function</source>
        <translation>تابع ساده نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="258"/>
        <source>calling &apos;{code}&apos; ({what})</source>
        <translation>فراخوانی &apos;{code}&apos; ({what})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="262"/>
        <source>&apos;{name}&apos; is not an allowed function in check &apos;{check}&apos; (allowed: {allowed})</source>
        <translation>&apos;{name}&apos; در کنترل &apos;{check}&apos; تابع مجاز نیست (مجاز: {allowed})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="266"/>
        <source>keyword arguments in {name}()</source>
        <translation>آرگومان‌های کلیدواژه‌ای در {name}()</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="271"/>
        <source>{name}() takes {n} argument, not {count}, in check &apos;{check}&apos;</source>
        <translation>{name}() در کنترل &apos;{check}&apos; {n} آرگومان می‌گیرد، نه {count}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="273"/>
        <source>{name}() takes {n} arguments, not {count}, in check &apos;{check}&apos;</source>
        <translation>{name}() در کنترل &apos;{check}&apos; {n} آرگومان می‌گیرد، نه {count}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="275"/>
        <source>{name}() takes at least {n} argument, not {count}, in check &apos;{check}&apos;</source>
        <translation>{name}() در کنترل &apos;{check}&apos; دست‌کم {n} آرگومان می‌گیرد، نه {count}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="277"/>
        <source>{name}() takes at least {n} arguments, not {count}, in check &apos;{check}&apos;</source>
        <translation>{name}() در کنترل &apos;{check}&apos; دست‌کم {n} آرگومان می‌گیرد، نه {count}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="313"/>
        <source>ctcae_has_grade() needs a whole-number grade, not {grade}</source>
        <translation>ctcae_has_grade() به درجه‌ای به‌صورت عدد صحیح نیاز دارد، نه {grade}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="335"/>
        <source>unknown name &apos;{name}&apos;</source>
        <translation>نام ناشناختهٔ &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/expr.py" line="414"/>
        <source>cannot evaluate {kind}</source>
        <translation>{kind} را نمی‌توان ارزیابی کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="42"/>
        <source>true/false</source>
        <translation>درست/نادرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="44"/>
        <location filename="../../alsdesk/rules/ops.py" line="223"/>
        <source>a number</source>
        <translation>یک عدد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="46"/>
        <location filename="../../alsdesk/rules/ops.py" line="226"/>
        <location filename="../../alsdesk/store/format2.py" line="83"/>
        <location filename="../../alsdesk/study/values.py" line="47"/>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="48"/>
        <source>a date-time</source>
        <translation>یک تاریخ و ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="50"/>
        <source>a date</source>
        <translation>یک تاریخ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="52"/>
        <source>a time</source>
        <translation>یک ساعت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="54"/>
        <source>a list</source>
        <translation>یک فهرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="71"/>
        <source>cannot compare {a} with {b} using &apos;{op}&apos;</source>
        <translation>نمی‌توان {a} را با {b} به کمک &apos;{op}&apos; مقایسه کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="93"/>
        <source>cannot order {kind} using &apos;{op}&apos;</source>
        <translation>نمی‌توان {kind} را به کمک &apos;{op}&apos; ترتیب‌بندی کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="100"/>
        <source>cannot look for {kind} in text</source>
        <translation>نمی‌توان {kind} را در متن جست‌وجو کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="103"/>
        <source>&apos;in&apos; needs a list or text on its right, not {kind}</source>
        <translation>&apos;in&apos; در سمت راست خود به یک فهرست یا متن نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="128"/>
        <source>&apos;{op}&apos; needs true or false, not {kind}</source>
        <translation>&apos;{op}&apos; به درست یا نادرست نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="134"/>
        <source>&apos;{op}&apos; needs numbers, not {kind} (use days(a, b), hours(a, b) or years(a, b) for dates)</source>
        <translation>&apos;{op}&apos; به عدد نیاز دارد، نه {kind} (برای تاریخ‌ها از days(a, b)، hours(a, b) یا years(a, b) استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="136"/>
        <source>&apos;{op}&apos; needs numbers, not {kind}</source>
        <translation>&apos;{op}&apos; به عدد نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="148"/>
        <source>division by zero</source>
        <translation>تقسیم بر صفر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="164"/>
        <source>{name}() of one value needs a list, not {kind}</source>
        <translation>{name}() با یک مقدار به یک فهرست نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="168"/>
        <source>{name}() of an empty list</source>
        <translation>{name}() روی فهرست خالی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="175"/>
        <source>{name}() cannot order {kind}</source>
        <translation>{name}() نمی‌تواند {kind} را ترتیب‌بندی کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="194"/>
        <source>{name}() needs dates, not {kind}</source>
        <translation>{name}() به تاریخ نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="204"/>
        <source>hours() needs date-times, not {kind}</source>
        <translation>hours() به تاریخ و ساعت نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="216"/>
        <source>{name}() needs {wanted}, not {kind}</source>
        <translation>{name}() به {wanted} نیاز دارد، نه {kind}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/rules/ops.py" line="225"/>
        <source>text or a list</source>
        <translation>متن یا یک فهرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="217"/>
        <source>{term} — {where}: {excerpt}</source>
        <translation>{term} — {where}: {excerpt}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="224"/>
        <source>definition</source>
        <translation>تعریف</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="225"/>
        <source>navigational note</source>
        <translation>یادداشت راهنما</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="230"/>
        <source>grade {n}</source>
        <translation>درجهٔ {n}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="242"/>
        <source>Grade {n}: {text}</source>
        <translation>درجهٔ {n}: {text}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="243"/>
        <source>Grade {n}: does not exist for this term</source>
        <translation>درجهٔ {n}: برای این اصطلاح وجود ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="285"/>
        <source>CTCAE v{version} is in the file without an import in the audit trail: it was added behind the program</source>
        <translation>CTCAE v{version} در فایل هست بی‌آنکه واردکردن آن در ردپای ممیزی ثبت شده باشد: بیرون از برنامه افزوده شده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="289"/>
        <source>the terms of CTCAE v{version} are missing or unreadable ({missing}): the term and grade checks of adverse events cannot run (restore the latest good backup, or import the NCI&apos;s v{version} workbook again to put back the same terms)</source>
        <translation>اصطلاحات CTCAE v{version} موجود نیستند یا خوانده نمی‌شوند ({missing}): بررسی اصطلاح و درجهٔ عوارض ناخواسته انجام‌شدنی نیست (آخرین نسخهٔ پشتیبان سالم را بازگردانی کنید، یا کاربرگ v{version} مؤسسهٔ NCI را دوباره وارد کنید تا همان اصطلاحات برگردند)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="301"/>
        <source>the terms of CTCAE v{version} are not those imported ({n} terms, SHA-256 {now}..., the import recorded {recorded}...): a term or grade was changed behind the program</source>
        <translation>اصطلاحات CTCAE v{version} همان‌هایی نیستند که وارد شدند ({n} اصطلاح، SHA-256 {now}...، در حالی که واردکردن، {recorded}... را ثبت کرده است): اصطلاح یا درجه‌ای بیرون از برنامه تغییر کرده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="307"/>
        <source>CTCAE v{version} was imported (audit trail) but the file holds no record of it: it was removed behind the program</source>
        <translation>CTCAE v{version} وارد شده است (طبق ردپای ممیزی) اما فایل هیچ رکوردی از آن ندارد: بیرون از برنامه حذف شده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="314"/>
        <source>CTCAE terms of version {version} have no version row: added behind the program</source>
        <translation>اصطلاحات CTCAE نسخهٔ {version} سطر نسخه ندارند: بیرون از برنامه افزوده شده‌اند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="336"/>
        <source>; when they went missing is not recorded, so {n} adverse events marked complete with a CTCAE term cannot be trusted: check each one&apos;s term and grade once the terms are back</source>
        <translation>؛ زمان از دست رفتن آن‌ها ثبت نشده است، پس به {n} عارضهٔ ناخواسته‌ای که با اصطلاح CTCAE به‌عنوان کامل ثبت شده‌اند نمی‌توان اعتماد کرد: پس از برگشتن اصطلاحات، اصطلاح و درجهٔ هر یک را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/ctcae.py" line="339"/>
        <source>; when they went missing is not recorded, so {n} adverse event marked complete with a CTCAE term cannot be trusted: check each one&apos;s term and grade once the terms are back</source>
        <translation>؛ زمان از دست رفتن آن‌ها ثبت نشده است، پس به {n} عارضهٔ ناخواسته‌ای که با اصطلاح CTCAE به‌عنوان کامل ثبت شده است نمی‌توان اعتماد کرد: پس از برگشتن اصطلاحات، اصطلاح و درجهٔ آن را بررسی کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="113"/>
        <source>Say why this result is not an adverse event (e.g. a haemolysed sample, repeated and normal).</source>
        <translation>بنویسید چرا این نتیجه عارضهٔ ناخواسته نیست (برای نمونه نمونهٔ همولیزشده‌ای که تکرار شد و طبیعی بود).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="122"/>
        <source>This result was already answered at grade {grade} or higher (see the audit trail): it is not asked again.</source>
        <translation>به این نتیجه پیش‌تر در درجهٔ {grade} یا بالاتر پاسخ داده شده است (ردپای ممیزی را ببینید): دوباره پرسیده نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="135"/>
        <source>{label} {result}: not graded ({why})</source>
        <translation>{label} {result}: درجه‌بندی نشد ({why})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="138"/>
        <source>{label} {result}: no grade ({why})</source>
        <translation>{label} {result}: بدون درجه ({why})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="140"/>
        <source> (the study&apos;s normal range)</source>
        <translation> (محدودهٔ طبیعی مطالعه)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/labae.py" line="141"/>
        <source>{label} {result}: grade {grade}, {term} ({why}){source}</source>
        <translation>{label} {result}: درجهٔ {grade}، {term} ({why}){source}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/outcomes.py" line="291"/>
        <source>The study definition has no [primary_outcomes]: nothing says where temperatures and GCS totals are recorded.</source>
        <translation>تعریف مطالعه بخش [primary_outcomes] ندارد: مشخص نشده است که دما و جمع نمرهٔ GCS کجا ثبت می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/tables.py" line="30"/>
        <source>SOC not coded</source>
        <translation>SOC کدگذاری نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/tables.py" line="31"/>
        <source>Any adverse event</source>
        <translation>هر عارضهٔ ناخواسته</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/tables.py" line="32"/>
        <source>Any serious adverse event</source>
        <translation>هر عارضهٔ ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/tables.py" line="33"/>
        <source>Any adverse event related to the infusion</source>
        <translation>هر عارضهٔ ناخواستهٔ مرتبط با تزریق</translation>
    </message>
    <message>
        <location filename="../../alsdesk/safety/tables.py" line="267"/>
        <source>The study definition has no [safety_tables]: nothing says which fields of the adverse event log to count.</source>
        <translation>تعریف مطالعه بخش [safety_tables] ندارد: مشخص نشده است کدام فیلدهای فهرست عوارض ناخواسته شمرده شوند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="27"/>
        <source>is not a paper size this program prints on: use {papers}</source>
        <translation>اندازهٔ کاغذی نیست که این برنامه روی آن چاپ کند: {papers} را به کار ببرید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="36"/>
        <source>must be a whole number of {what} from {low} to {high}</source>
        <translation>باید عدد صحیحی از {low} تا {high} {what} باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="47"/>
        <source>is not a date format this program knows: choose one of {formats}</source>
        <translation>قالب تاریخی نیست که این برنامه بشناسد: یکی از این‌ها را برگزینید: {formats}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="53"/>
        <source>must be a full path (starting at the drive or /), or empty for the default</source>
        <translation>باید مسیری کامل باشد (که از درایو یا / آغاز شود)، یا برای پیش‌فرض خالی بماند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="68"/>
        <source>must be a telephone number of 5 to 20 digits (spaces and + - ( ) / . allowed), e.g. +98 21 2356 2000, or empty</source>
        <translation>باید شماره تلفنی با 5 تا 20 رقم باشد (فاصله و + - ( ) / . مجاز است)، مثلاً +98 21 2356 2000، یا خالی بماند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="74"/>
        <source>may only be &apos;synthetic&apos; (or empty)</source>
        <translation>فقط می‌تواند &apos;synthetic&apos; باشد (یا خالی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="79"/>
        <source>backups to keep</source>
        <translation>نسخهٔ پشتیبان برای نگه‌داشتن</translation>
    </message>
    <message>
        <location filename="../../alsdesk/setting_rules.py" line="83"/>
        <source>minutes</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="51"/>
        <source>{finding}. REFUSED: {refusal}</source>
        <translation>{finding}. رد شد: {refusal}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="71"/>
        <source>Amendment of {study}: CRF {old} -&gt; {new} (stored as version {version}), from {file}</source>
        <translation>اصلاحیهٔ {study}: CRF {old} -&gt; {new} (ذخیره به‌عنوان نسخهٔ {version})، از {file}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="76"/>
        <source>{n} field(s) of the file not described: nothing was changed. Give the definition the site used, with every field.</source>
        <translation>{n} فیلدِ فایل توصیف نشده است: چیزی تغییر نکرد. تعریفی را بدهید که مرکز به کار برده است، با همهٔ فیلدها.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="80"/>
        <source>{n} change(s) refused: nothing was changed. Write the definition again without them (each says what to do instead).</source>
        <translation>{n} تغییر رد شد: چیزی تغییر نکرد. تعریف را بدون آن‌ها دوباره بنویسید (هر کدام می‌گوید به جای آن چه باید کرد).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="94"/>
        <source>{file} is the definition of study {new}; this database holds study {old}. Amend it with a new version of the {old} definition.</source>
        <translation>{file} تعریف مطالعهٔ {new} است؛ این پایگاه داده مطالعهٔ {old} را دارد. آن را با نسخهٔ تازه‌ای از تعریف {old} اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="98"/>
        <source>{file} is the definition stored already (version {version}): there is nothing to amend.</source>
        <translation>{file} همان تعریفی است که پیش‌تر ذخیره شده است (نسخهٔ {version}): چیزی برای اصلاح نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="127"/>
        <source>{n} translated text(s) change, each below: what the forms show in that language</source>
        <translation>{n} متن ترجمه‌شده تغییر می‌کند، هر یک در زیر: آنچه فرم‌ها به آن زبان نشان می‌دهند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="141"/>
        <source>Give the reason for the amendment (for example the protocol amendment&apos;s number and date).</source>
        <translation>دلیل اصلاحیه را بنویسید (برای نمونه شماره و تاریخ اصلاحیهٔ پروتکل).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="168"/>
        <source>{n} form(s) were entered at this visit; keep the event (change its label or window instead)</source>
        <translation>{n} فرم در این ویزیت وارد شده است؛ ویزیت را نگه دارید (به جای آن، برچسب یا بازهٔ زمانی آن را تغییر دهید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="175"/>
        <source>form {form} was entered {n} time(s) at {event}; keep it in the event&apos;s forms</source>
        <translation>فرم {form} {n} بار در {event} وارد شده است؛ آن را در فرم‌های این ویزیت نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="180"/>
        <source>{n} form(s) were entered at {event} as it was; changing its {attr} would read them as another kind of visit: add a new event</source>
        <translation>{n} فرم در {event} به شکل پیشین آن وارد شده است؛ تغییر {attr} آن، این فرم‌ها را ویزیتی از نوع دیگر می‌خواند: ویزیت تازه‌ای اضافه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="188"/>
        <source>it was entered {n} time(s); keep the form</source>
        <translation>{n} بار وارد شده است؛ فرم را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="193"/>
        <source>{n} entries are second or later ones; keep it repeating</source>
        <translation>{n} مورد، مورد دوم یا بعدی هستند؛ آن را تکرارشونده نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="203"/>
        <source>{n} value(s) are recorded as {code}; keep the code</source>
        <translation>{n} مقدار با {code} ثبت شده است؛ کد را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="208"/>
        <source>{n} value(s) are recorded as {code}: {reads}</source>
        <translation>{n} مقدار با {code} ثبت شده است: {reads}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="216"/>
        <source>it is computed for {n} form(s) already entered, which would then show another value: add a derived value with a new id instead</source>
        <translation>برای {n} فرمِ واردشده محاسبه می‌شود که در آن صورت مقدار دیگری نشان می‌دهند: به جای آن، مقدار محاسبه‌شدهٔ تازه‌ای با شناسهٔ تازه اضافه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="222"/>
        <source>{n} form(s) already entered keep the value of the version they were last saved under (their pages, verdicts and derived values); a form saved from now on is judged by the new value</source>
        <translation>{n} فرمِ واردشده مقدارِ نسخه‌ای را نگه می‌دارند که آخرین بار با آن ذخیره شده‌اند (صفحه‌ها، نتیجه‌ها و مقادیر محاسبه‌شده‌شان)؛ فرمی که از این پس ذخیره شود با مقدار جدید سنجیده می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="232"/>
        <source>a hard check: of the {n} complete form(s) of {form}, any that fails it is refused at its next save until the values are corrected</source>
        <translation>یک بررسی قطعی: از {n} فرم کامل {form}، هر کدام که آن را برآورده نکند در ذخیرهٔ بعدی رد می‌شود تا مقادیر اصلاح شوند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="238"/>
        <source>{n} subject(s) ended the study with {code}, which set their status to {status}; keep what it sets</source>
        <translation>{n} بیمار مطالعه را با {code} به پایان رسانده‌اند که وضعیت آن‌ها را {status} کرد؛ وضعیتی را که تعیین می‌کند نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="244"/>
        <source>{n} subject(s) have numbers made by the old pattern; keep it</source>
        <translation>{n} بیمار شماره‌هایی دارند که با الگوی قدیمی ساخته شده‌اند؛ الگو را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="252"/>
        <source>{n} value(s) of {field} are read as {binding}; reading another field instead would change what was computed from them: keep it</source>
        <translation>{n} مقدار از {field} به‌عنوان {binding} خوانده می‌شود؛ خواندن فیلدی دیگر به جای آن، آنچه را از آن‌ها محاسبه شده است تغییر می‌دهد: آن را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="259"/>
        <source>codes are stored in {fields}; keep the type</source>
        <translation>کدها در {fields} ذخیره شده‌اند؛ نوع را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="268"/>
        <source>{n} value(s) are recorded in it; keep the field (make it not required, or hide it with &apos;visible&apos;)</source>
        <translation>{n} مقدار در آن ثبت شده است؛ فیلد را نگه دارید (آن را غیرالزامی کنید، یا با &apos;visible&apos; پنهانش کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="279"/>
        <source>{n} form(s) marked complete have no value in it: they stay as they are; their next save asks for it where the field applies</source>
        <translation>{n} فرمِ ثبت‌شده به‌عنوان کامل در آن مقداری ندارند: همان‌گونه که هستند می‌مانند؛ ذخیرهٔ بعدی آن‌ها، هر جا فیلد کاربرد دارد، مقدار را می‌خواهد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="289"/>
        <source>{n} value(s) are recorded with the code(s) removed; keep them</source>
        <translation>{n} مقدار با کدهای حذف‌شده ثبت شده است؛ آن کدها را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="293"/>
        <source>{n} value(s) were entered as direct identifiers, kept from monitors, exports and the casebook; they would then be shown, printed and exported: keep identifier = true</source>
        <translation>{n} مقدار به‌عنوان شناسهٔ مستقیم وارد شده است که از پایشگران، خروجی‌ها و پروندهٔ بیمار پنهان می‌ماند؛ در آن صورت نشان داده، چاپ و در خروجی آورده می‌شود: identifier = true را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="297"/>
        <source>{n} form(s) hold a value in it; where the new condition hides the field, the next save of that form asks for the value to be cleared</source>
        <translation>{n} فرم در آن مقدار دارد؛ هر جا شرط تازه فیلد را پنهان کند، ذخیرهٔ بعدی آن فرم می‌خواهد که مقدار پاک شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="304"/>
        <source>{n} value(s) are stored as {type}; a field of another kind cannot hold them: add a new field</source>
        <translation>{n} مقدار به‌صورت {type} ذخیره شده است؛ فیلدی از نوع دیگر نمی‌تواند آن‌ها را نگه دارد: فیلد تازه‌ای اضافه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="307"/>
        <source>{n} value(s) were recorded in {unit}; they would be read in the new unit: add a new field</source>
        <translation>{n} مقدار با واحد {unit} ثبت شده است؛ با واحد تازه خوانده می‌شوند: فیلد تازه‌ای اضافه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="308"/>
        <source>no unit</source>
        <translation>بدون واحد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="317"/>
        <source>{n} recorded value(s) lie outside the new range (for example {example}); every later save of their forms would be refused until they were changed: keep a range that includes them, or add a soft check that asks about values outside the new one</source>
        <translation>{n} مقدار ثبت‌شده بیرون از محدودهٔ تازه است (برای نمونه {example})؛ هر ذخیرهٔ بعدی فرم‌های آن‌ها رد می‌شود تا زمانی که تغییر کنند: محدوده‌ای نگه دارید که آن‌ها را در بر بگیرد، یا بررسی نرمی اضافه کنید که دربارهٔ مقدارهای بیرون از محدودهٔ تازه بپرسد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="324"/>
        <source>{n} recorded value(s) would no longer be valid (for example {example}); keep the {attr} or add a new field</source>
        <translation>{n} مقدار ثبت‌شده دیگر معتبر نخواهد بود (برای نمونه {example})؛ {attr} را نگه دارید یا فیلد تازه‌ای اضافه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="346"/>
        <source>{n} recorded value(s) are this choice; keep it</source>
        <translation>{n} مقدار ثبت‌شده همین گزینه است؛ آن را نگه دارید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="348"/>
        <source>{n} recorded value(s) are this choice: {reads}</source>
        <translation>{n} مقدار ثبت‌شده همین گزینه است: {reads}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="355"/>
        <source>pages of forms last saved under an earlier version keep {before}; a form saved from now on reads {after}</source>
        <translation>صفحه‌های فرم‌هایی که آخرین بار با نسخه‌ای پیشین ذخیره شده‌اند {before} را نگه می‌دارند؛ فرمی که از این پس ذخیره شود {after} را نشان می‌دهد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="389"/>
        <source>{done} form(s) already complete keep their status (not keyed again); {open} not yet complete need a second entry by another person before they can be completed</source>
        <translation>{done} فرمِ ازپیش‌کامل وضعیت خود را نگه می‌دارند (دوباره وارد نمی‌شوند)؛ {open} فرمِ هنوز ناکامل پیش از کامل‌شدن به ورود دوم به دست شخص دیگری نیاز دارند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="396"/>
        <source>{n} form(s) have differences between their two entries still to resolve: resolve them first</source>
        <translation>{n} فرم هنوز اختلاف حل‌نشده میان دو ورود خود دارند: نخست آن‌ها را حل کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="422"/>
        <source>{n} visit(s) already done would be judged out of window</source>
        <translation>{n} ویزیتِ انجام‌شده بیرون از بازهٔ زمانی شمرده می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="425"/>
        <source>{n} visit(s) done out of window would be judged in window</source>
        <translation>{n} ویزیتِ انجام‌شده بیرون از بازهٔ زمانی، درون بازه شمرده می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="428"/>
        <source>no visit already done is judged differently</source>
        <translation>هیچ ویزیتِ انجام‌شده‌ای به شکل دیگری سنجیده نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="429"/>
        <source>{changes} by the new window; they stay judged by the window they were entered under ({window})</source>
        <translation>{changes} (با بازهٔ زمانی تازه)؛ این ویزیت‌ها همچنان با بازه‌ای سنجیده می‌شوند که با آن وارد شده‌اند ({window})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="451"/>
        <source>an earlier version had a field with this id of another kind, whose values stay in the file; give the new field a new id</source>
        <translation>نسخه‌ای پیشین فیلدی با همین شناسه ولی از نوع دیگر داشت که مقدارهایش در فایل می‌مانند؛ به فیلد تازه شناسهٔ تازه‌ای بدهید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend.py" line="471"/>
        <source>its table would have {width} columns (a field with missing-data codes takes two); a form holds at most {most}: split it into more forms</source>
        <translation>جدول آن {width} ستون خواهد داشت (فیلدی با کد دادهٔ ناموجود دو ستون می‌گیرد)؛ هر فرم حداکثر {most} ستون دارد: آن را به چند فرم تقسیم کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend_reads.py" line="60"/>
        <source>line {n} now reads {text}</source>
        <translation>سطر {n} اکنون چنین است: {text}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend_reads.py" line="63"/>
        <source>line {n} ({text}) is removed</source>
        <translation>سطر {n} ({text}) حذف شده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/amend_reads.py" line="66"/>
        <source>{n} line(s) differ; {first} (grades, cards and tables computed from it change for every form, old ones included)</source>
        <translation>{n} سطر تفاوت دارد؛ {first} (درجه‌ها، کارت‌ها و جدول‌هایی که از آن محاسبه می‌شوند برای همهٔ فرم‌ها، از جمله فرم‌های قدیمی، تغییر می‌کنند)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="130"/>
        <location filename="../../alsdesk/store/placing.py" line="36"/>
        <source>{path} already exists: pick a new file name or open it instead.</source>
        <translation>{path} از پیش وجود دارد: نام فایل تازه‌ای برگزینید یا به‌جای آن همین فایل را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="134"/>
        <source>The folder {folder} does not exist: create it first or pick another.</source>
        <translation>پوشهٔ {folder} وجود ندارد: ابتدا آن را بسازید یا پوشهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="312"/>
        <source>The database {path} is open read-only: nothing can be saved. To make changes, close it and open it again when no other ALS Desk is using it.</source>
        <translation>پایگاه دادهٔ {path} به‌صورت فقط‌خواندنی باز است: چیزی ذخیره نمی‌شود. برای تغییر دادن، آن را ببندید و هنگامی که هیچ ALS Desk دیگری از آن استفاده نمی‌کند دوباره باز کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="466"/>
        <source>A setting is named by text, not {kind}.</source>
        <translation>نام تنظیم باید متن باشد، نه {kind}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="480"/>
        <source>{name} is not a setting&apos;s name: lower-case letters, digits, &apos;_&apos; and &apos;.&apos;, at most 64 (e.g. &apos;date_format&apos;).</source>
        <translation>{name} نام یک تنظیم نیست: حروف کوچک لاتین، رقم، &apos;_&apos; و &apos;.&apos;، حداکثر 64 نویسه (مثلاً &apos;date_format&apos;).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="484"/>
        <source>The value of the setting &apos;{key}&apos; {problem}.</source>
        <translation>مقدار تنظیم «{key}» {problem}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="489"/>
        <source>The setting &apos;{key}&apos; {problem}; {value} was not kept.</source>
        <translation>تنظیم «{key}» {problem}؛ {value} نگه داشته نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="543"/>
        <source>The database {path} is on a disk that is mounted read-only (a write-protected USB stick or memory card, or a drive or share mounted read-only): nothing can be saved there. You can open it read-only to look at it; to work on it, make the disk writable or copy the database to a folder you can write to.</source>
        <translation>پایگاه دادهٔ {path} روی دیسکی است که فقط‌خواندنی متصل شده است (حافظهٔ USB یا کارت حافظه‌ای که در برابر نوشتن محافظت شده است، یا درایو یا پوشهٔ اشتراکی فقط‌خواندنی): چیزی آنجا ذخیره نمی‌شود. می‌توانید آن را به‌صورت فقط‌خواندنی باز کنید تا داده‌ها را ببینید؛ برای کار روی آن، دیسک را قابل نوشتن کنید یا پایگاه داده را به پوشه‌ای کپی کنید که در آن اجازهٔ نوشتن دارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="551"/>
        <source>The database {path} is read-only for this account (its file permissions or read-only mark). You can open it read-only to look at it; to work on it, ask the workstation&apos;s administrator for write access to the file.</source>
        <translation>پایگاه دادهٔ {path} برای این حساب فقط‌خواندنی است (به سبب مجوزهای فایل یا نشان فقط‌خواندنی آن). می‌توانید آن را به‌صورت فقط‌خواندنی باز کنید تا داده‌ها را ببینید؛ برای کار روی آن، از مدیر این رایانه دسترسی نوشتن در فایل را بخواهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="558"/>
        <location filename="../../alsdesk/store/lock.py" line="400"/>
        <source>The folder {folder} is read-only for this account, so ALS Desk cannot save changes to the database there. You can open it read-only to look at it; to work on it, ask the workstation&apos;s administrator for write access to the folder, or copy the database to a folder you can write to.</source>
        <translation>پوشهٔ {folder} برای این حساب فقط‌خواندنی است، بنابراین ALS Desk نمی‌تواند تغییرات پایگاه داده را آنجا ذخیره کند. می‌توانید آن را به‌صورت فقط‌خواندنی باز کنید تا داده‌ها را ببینید؛ برای کار روی آن، از مدیر این رایانه دسترسی نوشتن در پوشه را بخواهید، یا پایگاه داده را به پوشه‌ای کپی کنید که در آن اجازهٔ نوشتن دارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="571"/>
        <source>The database {path} is in use by another program (an SQLite browser, a backup or sync tool) or another ALS Desk. Close it there, then try again; nothing was saved.</source>
        <translation>پایگاه دادهٔ {path} در دست برنامهٔ دیگری (یک مرورگر SQLite، ابزار پشتیبان‌گیری یا همگام‌سازی) یا ALS Desk دیگری است. آن را در آنجا ببندید، سپس دوباره تلاش کنید؛ چیزی ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="577"/>
        <source>The disk holding {path} is full: nothing was saved. Free some space (or ask IT), then save again.</source>
        <translation>دیسکی که {path} روی آن است پر است: چیزی ذخیره نشد. کمی فضا آزاد کنید (یا از واحد فناوری اطلاعات کمک بخواهید)، سپس دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="582"/>
        <source>The database {path} is read-only for this account: nothing was saved. Ask the workstation&apos;s administrator for write access to the file and its folder.</source>
        <translation>پایگاه دادهٔ {path} برای این حساب فقط‌خواندنی است: چیزی ذخیره نشد. از مدیر این رایانه دسترسی نوشتن در فایل و پوشهٔ آن را بخواهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="588"/>
        <source>The disk holding {path} reported an error while writing: nothing was saved. If the database is on a USB stick or network drive, check that it is still connected, then save again.</source>
        <translation>دیسکی که {path} روی آن است هنگام نوشتن خطا داد: چیزی ذخیره نشد. اگر پایگاه داده روی حافظهٔ USB یا درایو شبکه است، بررسی کنید که هنوز متصل باشد، سپس دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="598"/>
        <source>The database {path} cannot be opened: {error}.</source>
        <translation>پایگاه دادهٔ {path} باز نمی‌شود: {error}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/core.py" line="600"/>
        <source>The database {path} could not be written ({error}); nothing was saved.</source>
        <translation>پایگاه دادهٔ {path} نوشته نشد ({error})؛ چیزی ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="62"/>
        <source>the missing-data codes of {form}.{field}</source>
        <translation>کدهای دادهٔ ناموجودِ {form}.{field}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="69"/>
        <source>{n} values</source>
        <translation>{n} مقدار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="69"/>
        <source>{n} value</source>
        <translation>{n} مقدار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="70"/>
        <source>no value yet</source>
        <translation>هنوز بدون مقدار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="73"/>
        <source>{count}, stored as {declared}: the definition makes it a {kind} field</source>
        <translation>{count}، ذخیره‌شده به‌صورت {declared}: تعریف آن را فیلدی از نوع {kind} می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="82"/>
        <source>whole-number</source>
        <translation>عدد صحیح</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="82"/>
        <source>decimal</source>
        <translation>عدد اعشاری</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="123"/>
        <source>and {n} more</source>
        <translation>و {n} مورد دیگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="134"/>
        <source>{path} was made before databases kept their study definition, and its forms hold fields that the definition it would now be given ({study} CRF {crf_version}) does not have: {fields}. Stored with that definition, these values would be missing from every export and casebook, so the file was not changed. An administrator can put it right: run &apos;alsdesk amend FILE --as ID --reason &quot;...&quot;&apos; with a definition that has these fields (the one the site used); it is then stored in the file as its version 1.</source>
        <translation>{path} پیش از آن ساخته شده است که پایگاه‌های داده تعریف مطالعهٔ خود را نگه دارند، و فرم‌هایش فیلدهایی دارند که تعریفی که اکنون به آن داده می‌شود ({study} CRF {crf_version}) ندارد: {fields}. اگر با آن تعریف ذخیره شود، این مقدارها از همهٔ خروجی‌ها و پرونده‌های بیماران جا می‌افتند؛ از این رو فایل تغییر نکرد. مدیر سامانه می‌تواند آن را درست کند: &apos;alsdesk amend FILE --as ID --reason &quot;...&quot;&apos; را با تعریفی اجرا کند که این فیلدها را دارد (همانی که مرکز به کار برده است)؛ آنگاه آن تعریف به‌عنوان نسخهٔ ۱ در فایل ذخیره می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="154"/>
        <source>form {form}: {field}: the definition it would be stored with ({study} CRF {crf_version}) gives this field another kind of value</source>
        <translation>فرم {form}: {field}: تعریفی که فایل با آن ذخیره می‌شود ({study} CRF {crf_version}) به این فیلد نوع دیگری از مقدار می‌دهد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="156"/>
        <source>form {form}: {field}: the definition it would be stored with ({study} CRF {crf_version}) has no such field</source>
        <translation>فرم {form}: {field}: تعریفی که فایل با آن ذخیره می‌شود ({study} CRF {crf_version}) چنین فیلدی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="158"/>
        <source>form {form}: {field}: the definition it would be stored with ({study} CRF {crf_version}) has no such form</source>
        <translation>فرم {form}: {field}: تعریفی که فایل با آن ذخیره می‌شود ({study} CRF {crf_version}) چنین فرمی ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="163"/>
        <source>the file (format 2) cannot be opened for work until an administrator amends it with a definition that has these fields (the one the site used): &apos;alsdesk amend FILE&apos; stores it as version 1</source>
        <translation>فایل (قالب ۲) تا زمانی که مدیر سامانه آن را با تعریفی که این فیلدها را دارد (همانی که مرکز به کار برده است) اصلاح نکند، برای کار باز نمی‌شود: &apos;alsdesk amend FILE&apos; آن تعریف را به‌عنوان نسخهٔ ۱ ذخیره می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="218"/>
        <source>{path} has been given its study definition since it was read: nothing was changed. Run &apos;alsdesk amend&apos; again to see what it would do now.</source>
        <translation>از زمانی که {path} خوانده شد، تعریف مطالعه‌اش به آن داده شده است: چیزی تغییر نکرد. &apos;alsdesk amend&apos; را دوباره اجرا کنید تا ببینید اکنون چه می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="274"/>
        <source>{file} is the definition of study {new}; this database holds study {old}. Give the {old} definition the site used.</source>
        <translation>{file} تعریف مطالعهٔ {new} است؛ این پایگاه داده مطالعهٔ {old} را دارد. تعریف {old} را که مرکز به کار برده است بدهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="280"/>
        <source>{name}: {held} in the file</source>
        <translation>{name}: {held} در فایل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="283"/>
        <source>{file} describes it</source>
        <translation>{file} آن را توصیف می‌کند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="286"/>
        <source>{file} does not describe it either ({held}): give a definition that has every field the file holds</source>
        <translation>{file} هم آن را توصیف نمی‌کند ({held}): تعریفی بدهید که همهٔ فیلدهای موجود در فایل را داشته باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="289"/>
        <source>{file} does not describe it either: give a definition that has every field the file holds</source>
        <translation>{file} هم آن را توصیف نمی‌کند: تعریفی بدهید که همهٔ فیلدهای موجود در فایل را داشته باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/format2.py" line="291"/>
        <source>Migration of a file made before databases kept their study definition (format 2): {study} CRF {crf_version} from {file} is stored as version 1, in place of the program&apos;s own CRF {old}, which lacks fields the file holds</source>
        <translation>مهاجرت فایلی که پیش از نگه‌داشتن تعریف مطالعه در پایگاه‌های داده ساخته شده است (قالب ۲): {study} CRF {crf_version} از {file} به‌عنوان نسخهٔ ۱ ذخیره می‌شود، به جای CRF {old} خودِ برنامه که فیلدهایی را که در فایل هست ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="129"/>
        <source>There is no form instance {instance_id}.</source>
        <translation>فرمی با شناسهٔ {instance_id} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="267"/>
        <source>&apos;{form}&apos; is already stored: a form is saved under an earlier CRF version ({version}) only when it is created by an import.</source>
        <translation>«{form}» از قبل ذخیره شده است: فرم فقط وقتی زیر نسخهٔ قدیمی‌تری از CRF ({version}) ذخیره می‌شود که با وارد کردن داده از فایل ساخته شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="285"/>
        <source>{label}: give either a value or a missing-data code, not both (it would hold {value!r} and the code {code}); clear the value to record the code, or remove the code to keep the value.</source>
        <translation>{label}: یا مقدار بدهید یا کد دادهٔ ناموجود، نه هر دو (فیلد هم مقدار {value!r} و هم کد {code} را می‌داشت)؛ برای ثبت کد، مقدار را پاک کنید، یا برای نگه داشتن مقدار، کد را بردارید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="298"/>
        <source>&apos;{form}&apos; awaits its second entry, which you may make: its first entry is not shown to you, and not changed by you. Make the second entry (Form &gt; Second entry…), or ask its first keyer.</source>
        <translation>«{form}» در انتظار ورود دوم است که شما می‌توانید انجامش دهید: ورود اول آن به شما نشان داده نمی‌شود و به دست شما تغییر نمی‌کند. ورود دوم را انجام دهید (فرم &gt; ورود دوم…)، یا از واردکنندهٔ اول بخواهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="310"/>
        <source>&apos;{form}&apos; was already saved as complete: give a reason for changing {fields}.</source>
        <translation>«{form}» پیش‌تر به‌عنوان کامل ذخیره شده است: دلیل تغییر {fields} را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="39"/>
        <source>(not shown: awaits its second entry)</source>
        <translation>(نشان داده نمی‌شود: در انتظار ورود دوم)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="46"/>
        <source>not keyed twice</source>
        <translation>یک بار وارد می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="48"/>
        <source>completed before double entry applied</source>
        <translation>پیش از لازم‌شدن ورود دوباره کامل شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="49"/>
        <source>awaiting second entry</source>
        <translation>در انتظار ورود دوم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="50"/>
        <source>differences to resolve</source>
        <translation>اختلاف برای حل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="51"/>
        <source>both entries agree</source>
        <translation>هر دو ورود یکسان‌اند</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="396"/>
        <source>{label}: the reason</source>
        <translation>{label}: دلیل</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="56"/>
        <source>&apos;{form}&apos; is not keyed twice: the study definition does not ask for a second entry of it.</source>
        <translation>«{form}» دو بار وارد نمی‌شود: تعریف مطالعه ورود دومی برای آن نمی‌خواهد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="59"/>
        <source>&apos;{form}&apos; has no first entry yet: key the form itself first; its second entry is made from the same paper page afterwards.</source>
        <translation>«{form}» هنوز ورود اول ندارد: نخست خود فرم را وارد کنید؛ ورود دوم پس از آن از روی همان برگهٔ کاغذی انجام می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="63"/>
        <source>This entry of &apos;{form}&apos; was deleted ({reason}): a deleted form is not keyed again.</source>
        <translation>این مورد از «{form}» حذف شده است ({reason}): فرم حذف‌شده دوباره وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="66"/>
        <source>&apos;{form}&apos; is locked: it is not keyed again.</source>
        <translation>«{form}» قفل است: دوباره وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="69"/>
        <source>&apos;{form}&apos; was already keyed a second time, by {user} at {when}.</source>
        <translation>«{form}» پیش‌تر یک بار دیگر وارد شده است، به دست {user} در {when}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="72"/>
        <source>&apos;{form}&apos; was completed before its study definition asked for a second entry: it is not keyed again.</source>
        <translation>«{form}» پیش از آنکه تعریف مطالعه ورود دوم بخواهد کامل شده بود: دوباره وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="75"/>
        <source>You keyed the first entry of &apos;{form}&apos; (or part of it): the second entry is made by another person, without seeing the first.</source>
        <translation>ورود اول «{form}» (یا بخشی از آن) را شما انجام داده‌اید: ورود دوم را شخص دیگری، بدون دیدن ورود اول، انجام می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="82"/>
        <source>The first entry of &apos;{form}&apos; is not finished: {n} required question(s) are blank ({fields}). The first keyer keys the whole page first (a question the page leaves blank gets its missing-data code, F2).</source>
        <translation>ورود اول «{form}» تمام نشده است: {n} پرسش لازم خالی است ({fields}). نخست واردکنندهٔ اول کل برگه را وارد می‌کند (پرسشی که برگه خالی گذاشته کد دادهٔ گم‌شدهٔ خود را می‌گیرد، F2).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="99"/>
        <source>You made an earlier second entry of &apos;{form}&apos;, since withdrawn, and were shown its first entry then: the second entry is made by another person.</source>
        <translation>شما پیش‌تر ورود دومی از «{form}» انجام داده‌اید که پس گرفته شد، و ورود اول آن آن‌گاه به شما نشان داده شد: ورود دوم را شخص دیگری انجام می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="105"/>
        <source>You exported the trial&apos;s data after the first entry of &apos;{form}&apos; was made, so may have seen it: the second entry is made by another person.</source>
        <translation>شما پس از انجام‌شدن ورود اول «{form}» از داده‌های کارآزمایی خروجی گرفته‌اید، پس ممکن است آن را دیده باشید: ورود دوم را شخص دیگری انجام می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="115"/>
        <source>no reason recorded</source>
        <translation>دلیلی ثبت نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="291"/>
        <source>Choose how to resolve at least one difference.</source>
        <translation>دست‌کم برای یک اختلاف، راه حل آن را برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="295"/>
        <source>A resolution is a Decision (field, choice, reason).</source>
        <translation>هر حل یک Decision است (فیلد، انتخاب، دلیل).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="127"/>
        <source>&apos;{form}&apos; has no second entry yet: there is nothing to resolve.</source>
        <translation>«{form}» هنوز ورود دوم ندارد: چیزی برای حل نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="130"/>
        <source>Both entries of &apos;{form}&apos; agree: there is nothing to resolve.</source>
        <translation>هر دو ورود «{form}» یکسان‌اند: چیزی برای حل نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="138"/>
        <source>You made the second entry of &apos;{form}&apos;: its differences are resolved by the person who keyed the first entry or by a third person, with the paper page.</source>
        <translation>ورود دوم «{form}» را شما انجام داده‌اید: اختلاف‌های آن را واردکنندهٔ اول یا شخص سومی، با برگهٔ کاغذی، حل می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="332"/>
        <location filename="../../alsdesk/store/forms.py" line="382"/>
        <source>&apos;{form}&apos; has no field &apos;{field}&apos;.</source>
        <translation>«{form}» فیلدی با نام «{field}» ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="336"/>
        <source>{label}: the two entries agree, or the difference is already resolved.</source>
        <translation>{label}: دو ورود یکسان‌اند، یا اختلاف پیش‌تر حل شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="339"/>
        <source>{label} is resolved twice in one step.</source>
        <translation>{label} در یک گام دو بار حل شده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="350"/>
        <source>{label}: type the value the paper page holds, or give a missing-data code.</source>
        <translation>{label}: مقداری را که برگهٔ کاغذی دارد وارد کنید، یا یک کد دادهٔ گم‌شده بدهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="408"/>
        <source>{label}: &apos;{code}&apos; is not an allowed missing-data code here (allowed: {allowed}).</source>
        <translation>{label}: «{code}» در اینجا کد دادهٔ ناموجودِ مجاز نیست (کدهای مجاز: {allowed}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="359"/>
        <source>&apos;{choice}&apos; is not a way to resolve a difference: first, second or other.</source>
        <translation>«{choice}» راهی برای حل اختلاف نیست: first، second یا other.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="158"/>
        <source>{names} await(s) the second entry: lock once it is made and the two entries agree.</source>
        <translation>{names} در انتظار ورود دوم است: پس از انجام آن و یکسان‌شدن دو ورود قفل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="167"/>
        <source>The two entries of {names} still differ: resolve the differences first (Form &gt; Resolve differences…), then lock.</source>
        <translation>دو ورود {names} هنوز با هم فرق دارند: نخست اختلاف‌ها را حل کنید (فرم &gt; حل اختلاف‌ها…)، سپس قفل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="188"/>
        <source>&apos;{form}&apos; has no second entry to withdraw.</source>
        <translation>«{form}» ورود دومی برای پس‌گرفتن ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="190"/>
        <source>The second entry of &apos;{form}&apos; agreed with the first: there is nothing to take back.</source>
        <translation>ورود دوم «{form}» با ورود اول یکسان بود: چیزی برای پس‌گرفتن نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="193"/>
        <source>Differences of the second entry of &apos;{form}&apos; were already resolved into the form: it is kept (a value it changed is corrected with a reason instead).</source>
        <translation>اختلاف‌های ورود دوم «{form}» پیش‌تر در فرم حل شده‌اند: این ورود نگه داشته می‌شود (مقداری را که تغییر داده است به‌جای آن با دلیل اصلاح کنید).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="197"/>
        <source>Only the person who made the second entry, or an investigator, withdraws it.</source>
        <translation>تنها کسی که ورود دوم را انجام داده، یا یک پژوهشگر، آن را پس می‌گیرد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="214"/>
        <source>&apos;{form}&apos; has {n} difference(s) between its first and second entry to resolve first (Resolve differences…, with the paper page); until then the form does not change otherwise. Nothing was saved.</source>
        <translation>«{form}» {n} اختلاف میان ورود اول و دوم دارد که نخست باید حل شود (حل اختلاف‌ها…، با برگهٔ کاغذی)؛ تا آن زمان فرم به راه دیگری تغییر نمی‌کند. چیزی ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="220"/>
        <source>&apos;{form}&apos; is keyed twice from its paper page: it can be marked complete once another person has made its second entry and any differences are resolved. Save it as a draft now.</source>
        <translation>«{form}» دو بار از روی برگهٔ کاغذی وارد می‌شود: هنگامی می‌توان آن را کامل اعلام کرد که شخص دیگری ورود دوم را انجام داده و اختلاف‌ها حل شده باشند. اکنون آن را به‌صورت پیش‌نویس ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="224"/>
        <source>&apos;{form}&apos; has {n} difference(s) between its two entries: resolve them first, then mark it complete.</source>
        <translation>«{form}» {n} اختلاف میان دو ورود خود دارد: نخست آن‌ها را حل کنید، سپس فرم را کامل اعلام کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double_rules.py" line="230"/>
        <source>&apos;{form}&apos; was keyed twice and its entries were made to agree: give a reason for changing {fields}.</source>
        <translation>«{form}» دو بار وارد شد و ورودهایش یکسان شدند: برای تغییر {fields} دلیل بدهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/double.py" line="397"/>
        <source>{label}: give the reason for the value chosen (for example &quot;as on the paper page&quot;).</source>
        <translation>{label}: دلیل مقدار برگزیده را بدهید (برای نمونه «مطابق برگهٔ کاغذی»).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="411"/>
        <source>{label}: &apos;{code}&apos; is not an allowed missing-data code here (allowed: none).</source>
        <translation>{label}: «{code}» در اینجا کد دادهٔ ناموجودِ مجاز نیست (هیچ کدی مجاز نیست).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="417"/>
        <source>{label}: give either a value or a missing-data code, not both.</source>
        <translation>{label}: یا مقدار بدهید یا کد دادهٔ ناموجود، نه هر دو.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="440"/>
        <source>The note on &apos;{message}&apos; has {n:,} characters; at most {most:,} are allowed.</source>
        <translation>یادداشتِ «{message}» {n:,} نویسه دارد؛ حداکثر {most:,} نویسه مجاز است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="447"/>
        <location filename="../../ui/dialogs.py" line="106"/>
        <source> (confirm with a note to keep it)</source>
        <translation> (برای نگه داشتن آن، با یک یادداشت تأیید کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="484"/>
        <source>A form can be saved under an earlier definition version (1 to {last}), not {number}.</source>
        <translation>فرم را می‌توان زیر یکی از نسخه‌های قدیمی‌تر تعریف مطالعه (۱ تا {last}) ذخیره کرد، نه {number}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="582"/>
        <source>The event &apos;{event}&apos; has no form &apos;{form}&apos;.</source>
        <translation>رویداد «{event}» فرمی با نام «{form}» ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/forms.py" line="587"/>
        <source>The form &apos;{form}&apos; is filled only once per visit.</source>
        <translation>فرم «{form}» در هر ویزیت فقط یک بار پر می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="33"/>
        <source>The new database {path} was not closed cleanly; nothing was created.</source>
        <translation>پایگاه دادهٔ تازهٔ {path} درست بسته نشد؛ چیزی ساخته نشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="69"/>
        <source>is no longer there (deleted, or renamed or moved)</source>
        <translation>دیگر آنجا نیست (حذف شده، یا نامش تغییر کرده یا جابه‌جا شده است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="70"/>
        <source>was replaced by another file of the same name</source>
        <translation>با فایل دیگری به همین نام جایگزین شده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="72"/>
        <source>The database {path} {what} while ALS Desk had it open, perhaps by a sync tool, an antivirus program or someone in the file manager: nothing was saved, and what you typed is still on the screen. Do not close this window yet: ask whoever manages the computer to find the file and put it back under its name (or tell the data manager), then save again.</source>
        <translation>پایگاه دادهٔ {path}، در زمانی که ALS Desk آن را باز داشت، {what}؛ شاید به دست یک ابزار همگام‌سازی، یک برنامهٔ ضدویروس یا کسی در مدیر فایل: چیزی ذخیره نشد و آنچه تایپ کرده‌اید هنوز روی صفحه است. هنوز این پنجره را نبندید: از کسی که این رایانه را مدیریت می‌کند بخواهید فایل را پیدا کند و با همان نام سر جایش برگرداند (یا به مدیر داده‌ها اطلاع دهید)، سپس دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="89"/>
        <source>The journal file {path}-wal, which holds this database&apos;s latest saves, was deleted or replaced while ALS Desk had it open, perhaps by a cleanup tool or an antivirus program: nothing was saved, and what you typed is still on the screen. Do not close this window yet: ask whoever manages the computer to stop that program and put the file back, or tell the data manager.</source>
        <translation>فایل ژورنال {path}-wal، که آخرین ذخیره‌های این پایگاه داده را نگه می‌دارد، در زمانی که ALS Desk آن را باز داشت حذف یا جایگزین شد؛ شاید به دست یک ابزار پاک‌سازی یا یک برنامهٔ ضدویروس: چیزی ذخیره نشد و آنچه تایپ کرده‌اید هنوز روی صفحه است. هنوز این پنجره را نبندید: از کسی که این رایانه را مدیریت می‌کند بخواهید آن برنامه را متوقف کند و فایل را برگرداند، یا به مدیر داده‌ها اطلاع دهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/placing.py" line="139"/>
        <source>The database {path} is on a disk that is mounted read-only (a write-protected USB stick or memory card, or a drive or share mounted read-only), so ALS Desk cannot open it there; this does not mean the file is damaged. Make the disk writable (the stick&apos;s lock switch, or ask IT), or copy the database (with its &apos;{name}-wal&apos; file, if there is one) to a folder you can write to and open the copy.</source>
        <translation>پایگاه دادهٔ {path} روی دیسکی است که فقط‌خواندنی متصل شده است (حافظهٔ USB یا کارت حافظه‌ای که در برابر نوشتن محافظت شده است، یا درایو یا پوشهٔ اشتراکی فقط‌خواندنی)، بنابراین ALS Desk نمی‌تواند آن را آنجا باز کند؛ این به معنای آسیب‌دیدن فایل نیست. دیسک را قابل نوشتن کنید (با کلید قفل حافظهٔ USB، یا با کمک واحد فناوری اطلاعات)، یا پایگاه داده را (همراه با فایل &apos;{name}-wal&apos; آن، اگر هست) به پوشه‌ای کپی کنید که در آن اجازهٔ نوشتن دارید و نسخهٔ کپی را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/signoff.py" line="40"/>
        <source>not signed</source>
        <translation>امضا نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/signoff.py" line="41"/>
        <source>signature invalidated</source>
        <translation>امضا باطل شده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/signoff.py" line="41"/>
        <source>not entered</source>
        <translation>وارد نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/signoff.py" line="87"/>
        <source>{n} forms of {subject} that the protocol has the investigator sign are not signed — {forms}.</source>
        <translation>{n} فرم از بیمار {subject} که طبق پروتکل پژوهشگر باید امضا کند امضا نشده‌اند — {forms}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/signoff.py" line="89"/>
        <source>{n} form of {subject} that the protocol has the investigator sign is not signed — {forms}.</source>
        <translation>{n} فرم از بیمار {subject} که طبق پروتکل پژوهشگر باید امضا کند امضا نشده است — {forms}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/sink.py" line="33"/>
        <source>The text to record holds a control character (U+{code:04X}) that cannot be shown or printed: type it again without it.</source>
        <translation>متنی که باید ثبت شود یک نویسهٔ کنترلی (U+{code:04X}) دارد که نمایش داده یا چاپ نمی‌شود: متن را بدون آن دوباره تایپ کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/sink.py" line="42"/>
        <source>The reason {problem}: say in words why.</source>
        <translation>دلیل {problem}: با واژه‌ها بگویید چرا.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/sink.py" line="45"/>
        <source>The reason {problem}.</source>
        <translation>دلیل {problem}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/sink.py" line="47"/>
        <source>The reason has {n:,} characters; at most {most:,} are allowed: say it shorter.</source>
        <translation>دلیل {n:,} نویسه دارد؛ حداکثر {most:,} نویسه مجاز است: کوتاه‌تر بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="73"/>
        <source>{subject} is not eligible, so the infusion cannot be saved as given. Not met: {criteria}. Complete the screening forms first, or an investigator may override this with a reason (it is recorded as a protocol deviation).</source>
        <translation>بیمار {subject} واجد شرایط نیست، پس تزریق را نمی‌توان به‌عنوان انجام‌شده ذخیره کرد. معیارهای برآورده‌نشده: {criteria}. ابتدا فرم‌های غربالگری را کامل کنید، یا پژوهشگر می‌تواند با ذکر دلیل از این مانع بگذرد (این کار به‌عنوان انحراف از پروتکل ثبت می‌شود).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="77"/>
        <source>The eligibility of {subject} is not decided yet, so the infusion cannot be saved as given. Not recorded: {criteria}. Complete the screening forms first, or an investigator may override this with a reason (it is recorded as a protocol deviation).</source>
        <translation>واجد شرایط بودن بیمار {subject} هنوز مشخص نشده است، پس تزریق را نمی‌توان به‌عنوان انجام‌شده ذخیره کرد. ثبت‌نشده: {criteria}. ابتدا فرم‌های غربالگری را کامل کنید، یا پژوهشگر می‌تواند با ذکر دلیل از این مانع بگذرد (این کار به‌عنوان انحراف از پروتکل ثبت می‌شود).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="121"/>
        <source>{subject} is already {status}.</source>
        <translation>وضعیت بیمار {subject} از قبل «{status}» است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="124"/>
        <source>The {form} form of {subject} records &apos;{answer}&apos;, so the status is {status}. To change it, correct that form (with a reason).</source>
        <translation>فرم {form} بیمار {subject} «{answer}» را ثبت کرده است، پس وضعیت «{status}» است. برای تغییر آن، همان فرم را (با ذکر دلیل) اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="129"/>
        <source>{subject} was given the infusion ({infusion}), so cannot be {status}. If the subject has left the study, record it on the {form} form.</source>
        <translation>بیمار {subject} تزریق را دریافت کرده است ({infusion})، پس وضعیتش نمی‌تواند «{status}» باشد. اگر بیمار از مطالعه خارج شده است، آن را در فرم {form} ثبت کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="135"/>
        <source>A subject is enrolled when the infusion is given: save the {form} form of {subject} with its start instead.</source>
        <translation>بیمار با انجام تزریق وارد مطالعه می‌شود: به‌جای این کار، فرم {form} بیمار {subject} را با زمان شروع آن ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="142"/>
        <source>Record this on the {form} form of {subject} (its status and date): the subject&apos;s status follows that form.</source>
        <translation>این را در فرم {form} بیمار {subject} ثبت کنید (وضعیت و تاریخ آن): وضعیت بیمار از همان فرم پیروی می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="164"/>
        <source>Give a reason for changing {subject} from {current} to {target}.</source>
        <translation>دلیل تغییر وضعیت بیمار {subject} از «{current}» به «{target}» را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="225"/>
        <source>The reason for the override has {n:,} characters; at most 4,000 are allowed: say it shorter.</source>
        <translation>دلیل گذشتن از مانع {n:,} نویسه دارد؛ حداکثر ۴٬۰۰۰ نویسه مجاز است: آن را کوتاه‌تر بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="229"/>
        <source>Give the reason for giving the infusion to {subject} although not found eligible.</source>
        <translation>دلیل انجام تزریق برای بیمار {subject} را، با وجود واجد شرایط نبودن، بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="248"/>
        <source>{problems}. Saving the start enrols {subject}, so it must be right first.</source>
        <translation>{problems}. ذخیرهٔ زمان شروع، بیمار {subject} را وارد مطالعه می‌کند، پس ابتدا باید درست باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="267"/>
        <source>Subject {subject} is now {status} (set by {form}).</source>
        <translation>وضعیت بیمار {subject} اکنون «{status}» است (تعیین‌شده با فرم {form}).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="278"/>
        <source>The study definition names no deviation category for an eligibility override ([study] eligibility_deviation), so it cannot be recorded; ask the data manager.</source>
        <translation>تعریف مطالعه هیچ دسته‌ای از انحراف از پروتکل را برای گذشتن از مانع واجد شرایط بودن تعیین نکرده است ([study] eligibility_deviation)، پس نمی‌توان آن را ثبت کرد؛ از مدیر داده بپرسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="291"/>
        <source>{form} entry #{n} recorded for {subject} (infusion given although not eligible): complete it with its importance and the action taken.</source>
        <translation>مورد #{n} از {form} برای بیمار {subject} ثبت شد (تزریق با وجود واجد شرایط نبودن انجام شد): آن را با میزان اهمیت و اقدام انجام‌شده کامل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/status_rules.py" line="294"/>
        <source>{form} entry #{n} recorded for {subject} (infusion given although eligibility not decided): complete it with its importance and the action taken.</source>
        <translation>مورد #{n} از {form} برای بیمار {subject} ثبت شد (تزریق انجام شد، با اینکه واجد شرایط بودن هنوز مشخص نشده بود): آن را با میزان اهمیت و اقدام انجام‌شده کامل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="59"/>
        <source>Screening number {number} is taken or not valid.</source>
        <translation>شمارهٔ غربالگری {number} قبلاً استفاده شده یا معتبر نیست.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="83"/>
        <source>There is no subject {subject}.</source>
        <translation>بیماری با کد {subject} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="90"/>
        <source>There is no subject with id {id}.</source>
        <translation>بیماری با شناسهٔ {id} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="116"/>
        <source>&apos;{given}&apos; is not a subject status: choose one of {statuses}.</source>
        <translation>«{given}» وضعیت بیمار نیست: یکی از این‌ها را انتخاب کنید: {statuses}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="142"/>
        <source>Give a reason for changing the subject&apos;s initials.</source>
        <translation>دلیل تغییر حروف اول نام بیمار را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/subjects.py" line="155"/>
        <source>Initials are 2 to 4 letters (use &apos;-&apos; for a missing middle initial).</source>
        <translation>حروف اول نام ۲ تا ۴ حرف است (برای حرف اول نام میانیِ ناموجود از «-» استفاده کنید).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="54"/>
        <source>There is no user {user}: a user id is text.</source>
        <translation>کاربری با شناسهٔ {user} وجود ندارد: شناسهٔ کاربری باید متن باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="62"/>
        <source>There is no user &apos;{user}&apos;.</source>
        <translation>کاربری با شناسهٔ «{user}» وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="72"/>
        <source>This database already has users: log in as an administrator.</source>
        <translation>این پایگاه داده از پیش کاربر دارد: با حساب مدیر سامانه وارد شوید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="82"/>
        <source>The user id and the full name must be text.</source>
        <translation>شناسهٔ کاربری و نام کامل باید متن باشند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="89"/>
        <source>The user id &apos;{user}&apos; looks like the existing &apos;{twin}&apos; (they differ only in case or look-alike characters): choose another.</source>
        <translation>شناسهٔ کاربری «{user}» شبیه شناسهٔ موجود «{twin}» است (فقط در بزرگی و کوچکی حروف یا نویسه‌های هم‌شکل تفاوت دارند): شناسهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="93"/>
        <source>Enter the person&apos;s full name (in letters): it is printed with their signature.</source>
        <translation>نام کامل فرد را (با حروف) وارد کنید: این نام همراه با امضای او چاپ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="96"/>
        <source>The full name {problem}.</source>
        <translation>نام کامل {problem}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="98"/>
        <source>The full name has {n:,} characters; at most {most} are allowed.</source>
        <translation>نام کامل {n:,} نویسه دارد؛ حداکثر {most} نویسه مجاز است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="102"/>
        <source>The user id &apos;{user}&apos; is taken: choose another.</source>
        <translation>شناسهٔ کاربری «{user}» پیش‌تر گرفته شده است: شناسهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="153"/>
        <location filename="../../alsdesk/store/users.py" line="207"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>این حساب غیرفعال است. از مدیر سامانه کمک بخواهید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="224"/>
        <location filename="../../alsdesk/store/users.py" line="280"/>
        <source>Log in first.</source>
        <translation>ابتدا وارد شوید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="232"/>
        <source>You cannot take the administrator role from your own account.</source>
        <translation>نمی‌توانید نقش مدیر سامانه را از حساب خودتان بگیرید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="243"/>
        <source>You cannot deactivate your own account.</source>
        <translation>نمی‌توانید حساب خودتان را غیرفعال کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="299"/>
        <source>&apos;{value}&apos; is not a role: choose one of {names}.</source>
        <translation>«{value}» یک نقش نیست: یکی از این‌ها را برگزینید: {names}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="328"/>
        <source>The password is wrong ({left} tries left before the account is locked).</source>
        <translation>گذرواژه نادرست است (تا قفل شدن حساب {left} بار دیگر فرصت دارید).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="330"/>
        <source>The user id or the password is wrong. After {n} wrong passwords in a row an account is locked for {minutes} minutes.</source>
        <translation>شناسهٔ کاربری یا گذرواژه نادرست است. پس از {n} گذرواژهٔ نادرست پیاپی، حساب به مدت {minutes} دقیقه قفل می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="336"/>
        <source>Wrong password {n} times: the account is locked for {minutes} minutes.</source>
        <translation>{n} بار گذرواژهٔ نادرست: حساب به مدت {minutes} دقیقه قفل شد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/users.py" line="342"/>
        <source>This account is locked after too many wrong passwords. Try again after {time} or ask an administrator to unlock it.</source>
        <translation>این حساب پس از گذرواژه‌های نادرست پرشمار قفل شده است. پس از ساعت {time} دوباره تلاش کنید یا از مدیر سامانه بخواهید قفل آن را باز کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="69"/>
        <source>{n} forms of this visit will not be signed: {forms}.</source>
        <translation>{n} فرم از این ویزیت امضا نمی‌شوند: {forms}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="70"/>
        <source>{n} form of this visit will not be signed: {forms}.</source>
        <translation>{n} فرم از این ویزیت امضا نمی‌شود: {forms}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="75"/>
        <source>{n} queries are still open on forms you would sign: {forms}. Data under question is usually settled before it is signed.</source>
        <translation>{n} پرسش هنوز روی فرم‌هایی که امضا می‌کنید باز است: {forms}. داده‌ای که درباره‌اش پرسش مطرح است معمولاً پیش از امضا روشن می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="77"/>
        <source>{n} query is still open on forms you would sign: {forms}. Data under question is usually settled before it is signed.</source>
        <translation>{n} پرسش هنوز روی فرمی که امضا می‌کنید باز است: {forms}. داده‌ای که درباره‌اش پرسش مطرح است معمولاً پیش از امضا روشن می‌شود.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="88"/>
        <source>This visit has no complete form waiting for a signature.</source>
        <translation>این ویزیت هیچ فرم کاملی ندارد که منتظر امضا باشد.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="279"/>
        <source>The casebook cannot be locked yet: {problem} The investigator signs them first (Sign on the form or Sign visit); then lock the casebook again.</source>
        <translation>پروندهٔ بیمار هنوز قفل نمی‌شود: {problem} ابتدا پژوهشگر آن‌ها را امضا می‌کند («امضا» در فرم یا «امضای ویزیت»)؛ سپس دوباره پروندهٔ بیمار را قفل کنید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="283"/>
        <source>The casebook of {subject} has no form left to lock.</source>
        <translation>در پروندهٔ بیمار {subject} فرمی برای قفل کردن باقی نمانده است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="301"/>
        <source>Give a reason for unlocking the form.</source>
        <translation>دلیل باز کردن قفل فرم را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="333"/>
        <source>Give a reason for deleting this entry.</source>
        <translation>دلیل حذف این مورد را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="363"/>
        <source>State the meaning of the signature in words.</source>
        <translation>معنای امضا را با کلمات بنویسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/workflow.py" line="365"/>
        <source>The meaning of a signature is at most 4,000 characters.</source>
        <translation>معنای امضا حداکثر ۴٬۰۰۰ نویسه است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="45"/>
        <source>HH:MM on the 24-hour clock, e.g. 14:30</source>
        <translation>HH:MM در قالب ۲۴ ساعته، مثلاً 14:30</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="48"/>
        <source>a whole number (int)</source>
        <translation>یک عدد صحیح (int)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="49"/>
        <source>a number (float)</source>
        <translation>یک عدد (float)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="50"/>
        <source>a date as text YYYY-MM-DD</source>
        <translation>یک تاریخ به‌صورت متن YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="51"/>
        <source>a date-time as text YYYY-MM-DDTHH:MM</source>
        <translation>یک تاریخ و ساعت به‌صورت متن YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="52"/>
        <source>a time as text HH:MM</source>
        <translation>یک ساعت به‌صورت متن HH:MM</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="74"/>
        <source>{text}: ٬ separates thousands; type the number without it (٫ is the decimal point)</source>
        <translation>{text}: «٬» جداکنندهٔ هزارگان است؛ عدد را بدون آن بنویسید (ممیز اعشار «٫» است)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="122"/>
        <source>{label}: expected {expected}, not {type} {value}</source>
        <translation>{label}: {expected} انتظار می‌رفت، نه {type} {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="133"/>
        <source>{label}: {value} is not stored as YYYY-MM-DDTHH:MM</source>
        <translation>{label}: {value} به‌صورت YYYY-MM-DDTHH:MM ذخیره نشده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="137"/>
        <source>{label}: {value} is not stored as HH:MM</source>
        <translation>{label}: {value} به‌صورت HH:MM ذخیره نشده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="168"/>
        <source>{label}: cannot record {value}</source>
        <translation>{label}: {value} را نمی‌توان ثبت کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="185"/>
        <source>{label}: recorded text {text} is not a {kind} value</source>
        <translation>{label}: متن ثبت‌شدهٔ {text} یک مقدار {kind} نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="240"/>
        <source>{text} is far too large</source>
        <translation>{text} بسیار بزرگ است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="242"/>
        <source>{text} is not a whole number (enter it without decimals)</source>
        <translation>{text} عدد صحیح نیست (آن را بدون اعشار وارد کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="244"/>
        <source>{text} is not a number</source>
        <translation>{text} عدد نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="249"/>
        <source>{text} is not a number (e.g. 72.5)</source>
        <translation>{text} عدد نیست (مثلاً 72.5)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="253"/>
        <source>{text} is ambiguous: write {plain} or {decimal}</source>
        <translation>{text} مبهم است: {plain} یا {decimal} بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="268"/>
        <source>{hint}, MMM/YYYY or YYYY</source>
        <translation>{hint}، MMM/YYYY یا YYYY</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="270"/>
        <source>{text} is not a date (use {forms}, e.g. {example})</source>
        <translation>{text} تاریخ نیست (از {forms} استفاده کنید، مثلاً {example})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="275"/>
        <source>a full date is needed (day, month and year), e.g. {example}</source>
        <translation>تاریخ کامل لازم است (روز، ماه و سال)، مثلاً {example}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="278"/>
        <source>the year {year} in {text} is not plausible (it must be between {low} and {high})</source>
        <translation>سال {year} در {text} پذیرفتنی نیست (باید بین {low} و {high} باشد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="285"/>
        <source>{text} is not a real date (use {forms}, e.g. {example})</source>
        <translation>{text} تاریخ واقعی نیست (از {forms} استفاده کنید، مثلاً {example})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="325"/>
        <source>{text} is not a date and time (use {hint}, e.g. {example})</source>
        <translation>{text} تاریخ و ساعت نیست (از {hint} استفاده کنید، مثلاً {example})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="327"/>
        <source>enter the time too, e.g. {example}</source>
        <translation>ساعت را هم وارد کنید، مثلاً {example}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="336"/>
        <source>{text} is not a time (use {clock})</source>
        <translation>{text} ساعت نیست (از {clock} استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="340"/>
        <source>{text} is not a real time (use {clock})</source>
        <translation>{text} ساعت واقعی نیست (از {clock} استفاده کنید)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="366"/>
        <source>{label}: empty text is stored as no value (None)</source>
        <translation>{label}: متن خالی به‌صورت «بدون مقدار» (None) ذخیره می‌شود</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="372"/>
        <source>{label}: this field holds one line; remove the line break</source>
        <translation>{label}: این فیلد فقط یک سطر دارد؛ شکست سطر را حذف کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="375"/>
        <source>{label}: remove the tab character</source>
        <translation>{label}: نویسهٔ Tab را حذف کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="376"/>
        <source>{label}: remove the invisible control character (U+{code:04X})</source>
        <translation>{label}: نویسهٔ کنترلی نامرئی (U+{code:04X}) را حذف کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="380"/>
        <source>{label}: the text is {n} characters long; at most {limit} are allowed, so shorten it</source>
        <translation>{label}: متن {n} نویسه است؛ حداکثر {limit} نویسه مجاز است، پس آن را کوتاه کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="387"/>
        <source>{label}: {value} is not a number that can be stored</source>
        <translation>{label}: {value} عددی نیست که بتوان آن را ذخیره کرد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="390"/>
        <source>{label}: {value} is far too large</source>
        <translation>{label}: {value} بسیار بزرگ است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="397"/>
        <source>whole numbers only</source>
        <translation>فقط عدد صحیح</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="398"/>
        <source>at most {n} decimal places</source>
        <translation>حداکثر {n} رقم اعشار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="399"/>
        <source>at most {n} decimal place</source>
        <translation>حداکثر {n} رقم اعشار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="400"/>
        <source>{label}: {value} has more decimals than this field records ({allowed}). Round it as the CRF instructions say, or ask the data manager if the study needs more decimals here.</source>
        <translation>{label}: {value} رقم‌های اعشار بیشتری از آنچه این فیلد ثبت می‌کند دارد ({allowed}). آن را طبق دستورالعمل CRF گرد کنید، یا اگر مطالعه در اینجا به اعشار بیشتری نیاز دارد، از مدیر داده‌ها بپرسید.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="410"/>
        <source>{label}: {value} is outside the allowed range {low} to {high}{unit}</source>
        <translation>{label}: {value} خارج از محدودهٔ مجاز {low} تا {high}{unit} است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="412"/>
        <source>{label}: {value} is below the lowest allowed value, {low}{unit}</source>
        <translation>{label}: {value} کمتر از کمترین مقدار مجاز ({low}{unit}) است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="414"/>
        <source>{label}: {value} is above the highest allowed value, {high}{unit}</source>
        <translation>{label}: {value} بیشتر از بیشترین مقدار مجاز ({high}{unit}) است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="433"/>
        <source>{label}: {value} is outside the allowed range in every unit ({ranges})</source>
        <translation>{label}: {value} در همهٔ واحدها خارج از محدودهٔ مجاز است ({ranges})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="444"/>
        <source>{label}: {value} is outside the allowed range {ranges}. If the report gives {units}, choose that unit for the result</source>
        <translation>{label}: {value} خارج از محدودهٔ مجاز {ranges} است. اگر گزارش آزمایشگاه {units} است، همان واحد را برای نتیجه انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="447"/>
        <source>{label}: {value} is outside the allowed range {ranges}</source>
        <translation>{label}: {value} خارج از محدودهٔ مجاز {ranges} است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="457"/>
        <source>at most {high} {unit}</source>
        <translation>حداکثر {high} {unit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="459"/>
        <source>at least {low} {unit}</source>
        <translation>حداقل {low} {unit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="460"/>
        <source>{low} to {high} {unit}</source>
        <translation>{low} تا {high} {unit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="469"/>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>YYYY-MM-DD، YYYY-MM یا YYYY</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="470"/>
        <source>{label}: {value} is not stored as {forms}</source>
        <translation>{label}: {value} به‌صورت {forms} ذخیره نشده است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="476"/>
        <source>{label}: the year {year} is not plausible (it must be between {low} and {high})</source>
        <translation>{label}: سال {year} پذیرفتنی نیست (باید بین {low} و {high} باشد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="481"/>
        <source>{label}: {value} is not a real date</source>
        <translation>{label}: {value} تاریخ واقعی نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="488"/>
        <source>{label}: {value} is not a real time</source>
        <translation>{label}: {value} ساعت واقعی نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="497"/>
        <source>{label}: expected a code of type {expected}, not {type} {value}</source>
        <translation>{label}: کدی از نوع {expected} انتظار می‌رفت، نه {type} {value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="508"/>
        <source>{value} is not a unit the study can convert from; allowed: {options}, or blank for the form&apos;s own unit</source>
        <translation>{value} واحدی نیست که مطالعه بتواند از آن تبدیل کند؛ مجاز: {options}، یا خالی برای واحد خود فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="510"/>
        <source>{value} is not one of {options}</source>
        <translation>{value} هیچ‌یک از این گزینه‌ها نیست: {options}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="524"/>
        <source>&apos;{start}...&apos; ({n} characters)</source>
        <translation>&apos;{start}...&apos; ({n} نویسه)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="530"/>
        <source>{start}... ({n} characters)</source>
        <translation>{start}... ({n} نویسه)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="551"/>
        <source> (and {n} more)</source>
        <translation> (و {n} مورد دیگر)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/study/values.py" line="559"/>
        <source>{first} or {last}</source>
        <translation>{first} یا {last}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/suggest.py" line="40"/>
        <source>Use {value} from {source}</source>
        <translation>درج {value} از {source}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/suggest.py" line="94"/>
        <location filename="../../alsdesk/suggest.py" line="96"/>
        <source>“{value}”</source>
        <translation>«{value}»</translation>
    </message>
    <message>
        <location filename="../../alsdesk/suggest.py" line="122"/>
        <source>{form}, {visit}</source>
        <translation>{form}، {visit}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/suggest.py" line="150"/>
        <source>the {value}</source>
        <translation>{value}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="17"/>
        <source>holds no letter or digit (only spaces, punctuation or invisible characters)</source>
        <translation>هیچ حرف یا رقمی ندارد (فقط فاصله، نشانه‌گذاری یا نویسه‌های نامرئی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="35"/>
        <source>holds a broken character (a lone surrogate, U+{code:04X}) that cannot be stored, shown or printed: type it again without it</source>
        <translation>نویسه‌ای شکسته دارد (یک نیمه‌نویسهٔ جانشین تنها، U+{code:04X}) که نمی‌توان آن را ذخیره، نمایش یا چاپ کرد: آن را بدون این نویسه دوباره بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="40"/>
        <source>holds a control character (U+{code:04X}) that cannot be shown or printed: type it again without it</source>
        <translation>نویسه‌ای کنترلی (U+{code:04X}) دارد که نمی‌توان آن را نمایش داد یا چاپ کرد: آن را بدون این نویسه دوباره بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="46"/>
        <source>holds a direction control character (U+{code:04X}) that reverses how the text after it is shown: type it again without it</source>
        <translation>نویسهٔ کنترل جهت (U+{code:04X}) دارد که نمایش متنِ پس از خود را وارونه می‌کند: آن را بدون این نویسه دوباره بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="59"/>
        <source>must be text, not {type}</source>
        <translation>باید متن باشد، نه {type}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/textcheck.py" line="61"/>
        <source>has {n:,} characters; at most {limit:,} are allowed: say it shorter</source>
        <translation>{n:,} نویسه دارد؛ حداکثر {limit:,} نویسه مجاز است: کوتاه‌تر بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/collect.py" line="30"/>
        <source>not printed (direct identifier)</source>
        <translation>چاپ نمی‌شود (شناسهٔ مستقیم)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/collect.py" line="224"/>
        <source>target {target} · window {window} · done: {done}</source>
        <translation>هدف {target} · بازه {window} · انجام: {done}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/collect.py" line="316"/>
        <location filename="../../alsdesk/pdf/collect.py" line="322"/>
        <source>{when} by {user}</source>
        <translation>{when} به دست {user}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/collect.py" line="409"/>
        <source>not expected (left the study)</source>
        <translation>انتظار نمی‌رود (از مطالعه خارج شده)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/collect.py" line="411"/>
        <source>not done</source>
        <translation>انجام نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="68"/>
        <source>Completed by (name, signature):</source>
        <translation>تکمیل‌کننده (نام، امضا):</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="71"/>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="93"/>
        <source>Printed {when}</source>
        <translation>چاپ‌شده {when}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="95"/>
        <source>Data fingerprint {fingerprint}</source>
        <translation>اثر انگشت داده {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="111"/>
        <source>Audit head</source>
        <translation>سر زنجیرهٔ ممیزی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/footer.py" line="140"/>
        <source>Page {number} of {total}</source>
        <translation>صفحهٔ {number} از {total}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="161"/>
        <source>Event: {event}. A log: one entry per row, {n} rows a page. When the page is full, continue on a copy of this page and number the log pages 1, 2, 3 … in order; row 1 of log page 2 is entry {next}.</source>
        <translation>ویزیت: {event}. یک فهرست: هر ردیف یک مورد، {n} ردیف در هر صفحه. وقتی صفحه پر شد، روی رونوشتی از این صفحه ادامه دهید و صفحه‌های فهرست را به ترتیب 1، 2، 3 … شماره بزنید؛ ردیف 1 صفحهٔ 2 مورد {next} است.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="166"/>
        <source>Calculated by ALS Desk when an entry is entered (nothing to write here): {names}.</source>
        <translation>هنگام ورود هر مورد، ALS Desk این‌ها را محاسبه می‌کند (اینجا چیزی ننویسید): {names}.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="169"/>
        <source>Log page</source>
        <translation>صفحهٔ فهرست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="170"/>
        <source>of</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="199"/>
        <source>{low} to {high}</source>
        <translation>{low} تا {high}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="201"/>
        <source>{n} decimals</source>
        <translation>{n} رقم اعشار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="201"/>
        <source>{n} decimal</source>
        <translation>{n} رقم اعشار</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="206"/>
        <source>write the code</source>
        <translation>کد را بنویسید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="208"/>
        <source>partial date allowed</source>
        <translation>تاریخ ناقص پذیرفته است</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="210"/>
        <source>or {codes}</source>
        <translation>یا {codes}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="213"/>
        <source>only if ({note})</source>
        <translation>فقط اگر ({note})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="317"/>
        <location filename="../../alsdesk/pdf/signoff.py" line="53"/>
        <source>Only if {condition}</source>
        <translation>فقط اگر {condition}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="323"/>
        <source>Missing-data codes (write the code in the cell):</source>
        <translation>کدهای دادهٔ گمشده (کد را در خانه بنویسید):</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="328"/>
        <source>Codes.</source>
        <translation>کدها.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/logpage.py" line="328"/>
        <source>Notes.</source>
        <translation>یادداشت‌ها.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="26"/>
        <source>(does not apply)</source>
        <translation>(کاربرد ندارد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="35"/>
        <location filename="../../alsdesk/pdf/rows.py" line="87"/>
        <source>code {code}</source>
        <translation>کد {code}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="37"/>
        <source>(does not apply: should be blank)</source>
        <translation>(کاربرد ندارد: باید خالی باشد)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="39"/>
        <location filename="../../alsdesk/pdf/rows.py" line="91"/>
        <source>query {queries}</source>
        <translation>پرسش {queries}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="84"/>
        <location filename="../../ui/double_entry.py" line="343"/>
        <source>(blank)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="89"/>
        <source>does not apply: should be blank</source>
        <translation>کاربرد ندارد: باید خالی باشد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="131"/>
        <source>Does not apply</source>
        <translation>کاربرد ندارد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/rows.py" line="133"/>
        <source>left blank, as their condition is not met: {fields}</source>
        <translation>خالی مانده، چون شرطشان برقرار نیست: {fields}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="30"/>
        <source>Investigator&apos;s signature</source>
        <translation>امضای پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="32"/>
        <source>investigator</source>
        <translation>پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="32"/>
        <source>nurse</source>
        <translation>پرستار پژوهش</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="33"/>
        <source>monitor</source>
        <translation>پایشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="33"/>
        <source>admin</source>
        <translation>مدیر سامانه</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="50"/>
        <source>the entries of this page in rows: ______</source>
        <translation>موارد این صفحه در ردیف‌های: ______</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="51"/>
        <source>this entry</source>
        <translation>این مورد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="51"/>
        <source>this form</source>
        <translation>این فرم</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="55"/>
        <source>{title}: every form of this visit ({event})</source>
        <translation>{title}: همهٔ فرم‌های این ویزیت ({event})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="70"/>
        <source>signature invalidated by a later change; </source>
        <translation>امضا با تغییری پس از آن باطل شد؛ </translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="71"/>
        <source>Not signed</source>
        <translation>امضا نشده</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="72"/>
        <source>{state}no valid electronic signature of the investigator. Meaning of the signature required: {meaning}</source>
        <translation>{state}امضای الکترونیکی معتبری از پژوهشگر نیست. معنای امضای لازم: {meaning}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="76"/>
        <source>If signed on paper:</source>
        <translation>اگر روی کاغذ امضا می‌شود:</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="82"/>
        <source>&lt;b&gt;Electronically signed&lt;/b&gt; by &lt;b&gt;{name}&lt;/b&gt; ({role}) on &lt;b&gt;{when}&lt;/b&gt;. Meaning: {meaning}</source>
        <translation>&lt;b&gt;امضای الکترونیکی&lt;/b&gt; به دست &lt;b&gt;{name}&lt;/b&gt; ({role}) در &lt;b&gt;{when}&lt;/b&gt;. معنا: {meaning}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="85"/>
        <source>&lt;b&gt;Signature voided&lt;/b&gt;: signed by {name} ({role}) on {when}, meaning: {meaning}; voided on {voided}: {reason}</source>
        <translation>&lt;b&gt;امضا باطل شد&lt;/b&gt;: امضاشده به دست {name} ({role}) در {when}، معنا: {meaning}؛ باطل‌شده در {voided}: {reason}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="143"/>
        <source>By signing I declare: {meaning}</source>
        <translation>با امضا اعلام می‌کنم: {meaning}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="157"/>
        <source>Printed name</source>
        <translation>نام (با حروف خوانا)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="158"/>
        <source>Signature</source>
        <translation>امضا</translation>
    </message>
    <message>
        <location filename="../../alsdesk/pdf/signoff.py" line="158"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../alsdesk/jalali.py" line="78"/>
        <source>{year} is not a Solar Hijri year the forms accept ({low} to {high})</source>
        <translation>{year} سال شمسی پذیرفتنی در فرم‌ها نیست ({low} تا {high})</translation>
    </message>
    <message>
        <location filename="../../alsdesk/jalali.py" line="86"/>
        <source>a Solar Hijri month spans two Gregorian months: give the day too, or the month in the Gregorian calendar</source>
        <translation>هر ماه شمسی در دو ماه میلادی می‌افتد: روز را هم بنویسید، یا ماه را به تقویم میلادی</translation>
    </message>
    <message>
        <location filename="../../alsdesk/jalali.py" line="95"/>
        <source>{date} is not a day of the Solar Hijri calendar</source>
        <translation>{date} روزی از تقویم شمسی نیست</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/encryption.py" line="258"/>
        <source>The database is encrypted and {user} has no key slot: they open it again after a password reset, which makes one.</source>
        <translation>پایگاه داده رمزگذاری شده است و {user} جای کلیدی ندارد: پس از بازنشانی گذرواژه، که یکی برایش می‌سازد، دوباره آن را باز می‌کند.</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/encryption.py" line="293"/>
        <source>{name} beside the database is its plain copy, kept aside by &apos;alsdesk encrypt&apos;: it holds the patients&apos; data in the clear. Once the encrypted file is checked, delete it with &apos;alsdesk encrypt --confirm&apos; (it asks for the recovery key).</source>
        <translation>{name} در کنار پایگاه داده رونوشت بی‌رمز آن است که &apos;alsdesk encrypt&apos; کنار گذاشته: داده‌های بیماران را بی‌رمز نگه می‌دارد. پس از بررسی پروندهٔ رمزگذاری‌شده، آن را با &apos;alsdesk encrypt --confirm&apos; پاک کنید (کلید بازیابی را می‌پرسد).</translation>
    </message>
    <message>
        <location filename="../../alsdesk/store/encryption.py" line="303"/>
        <source>This database is not encrypted: anyone who copies {path} reads its patients&apos; names and numbers. An administrator converts it with &apos;alsdesk encrypt&apos; (see the README).</source>
        <translation>این پایگاه داده رمزگذاری نشده است: هر کس {path} را رونوشت کند نام‌ها و شماره‌های بیماران آن را می‌خواند. مدیر سامانه آن را با &apos;alsdesk encrypt&apos; تبدیل می‌کند (README را ببینید).</translation>
    </message>
</context>
</TS>
