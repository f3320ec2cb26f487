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
        <location filename="../../ui/main_window.py" line="267"/>
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
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Sign every complete form of the visit selected in the casebook</source>
        <translation>امضای همهٔ فرم‌های کامل ویزیتِ انتخاب‌شده در پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="67"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="70"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;داشبورد</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="71"/>
        <source>&amp;Subjects</source>
        <translation>&amp;بیماران</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="72"/>
        <source>&amp;Casebook</source>
        <translation>&amp;پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="72"/>
        <source>&amp;Form</source>
        <translation>&amp;فرم</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="73"/>
        <source>&amp;Queries</source>
        <translation>&amp;پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="78"/>
        <source>&amp;Find a subject</source>
        <translation>&amp;یافتن بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="80"/>
        <source>&amp;Refresh</source>
        <translation>&amp;تازه‌سازی</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="90"/>
        <source>Safety &amp;tables…</source>
        <translation>&amp;جدول‌های ایمنی…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="91"/>
        <source>Adverse events by SOC and term, serious, by relationship, per subject</source>
        <translation>عوارض ناخواسته بر پایهٔ SOC و اصطلاح، جدی، بر پایهٔ ارتباط، برای هر بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="97"/>
        <source>&amp;Administration</source>
        <translation>&amp;مدیریت</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="98"/>
        <source>&amp;Add a user…</source>
        <translation>&amp;افزودن کاربر…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="99"/>
        <source>&amp;Settings…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="104"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="107"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="108"/>
        <source>Every shortcut of this window</source>
        <translation>همهٔ میان‌برهای این پنجره</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="109"/>
        <source>User &amp;guide</source>
        <translation>&amp;راهنمای کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="110"/>
        <source>How to record a visit, an AE, a query, a signature</source>
        <translation>چگونه یک ویزیت، یک عارضهٔ ناخواسته، یک پرسش و یک امضا ثبت شود</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="114"/>
        <source>&amp;About ALS Desk</source>
        <translation>&amp;دربارهٔ ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="130"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="163"/>
        <source>&amp;Users…</source>
        <translation>&amp;کاربران…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="164"/>
        <location filename="../../ui/main_menus.py" line="179"/>
        <source>Accounts: add, reset a password, unlock, change a role, deactivate</source>
        <translation>حساب‌ها: افزودن، بازنشانی گذرواژه، باز کردن قفل، تغییر نقش، غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="166"/>
        <source>Audit &amp;trail…</source>
        <translation>&amp;ردپای ممیزی…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="167"/>
        <location filename="../../ui/main_menus.py" line="181"/>
        <source>Review and export the audit trail</source>
        <translation>بازبینی و خروجی گرفتن از ردپای ممیزی</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="169"/>
        <source>Study &amp;definition…</source>
        <translation>&amp;تعریف مطالعه…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="170"/>
        <source>The versions of the study definition the database holds; a protocol amendment (administrator)</source>
        <translation>نسخه‌های تعریف مطالعه که پایگاه داده نگه می‌دارد؛ اصلاحیهٔ پروتکل (مدیر سامانه)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
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
        <location filename="../../ui/main_window.py" line="70"/>
        <location filename="../../ui/subjects.py" line="175"/>
        <source>Subjects</source>
        <translation>بیماران</translation>
    </message>
    <message>
        <location filename="../../ui/export_actions.py" line="158"/>
        <source>Forms</source>
        <translation>فرم‌ها</translation>
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
        <location filename="../../ui/main_window.py" line="71"/>
        <location filename="../../ui/main_window.py" line="178"/>
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
        <location filename="../../ui/audit_viewer.py" line="41"/>
        <location filename="../../ui/audit_viewer.py" line="171"/>
        <location filename="../../ui/dashboard.py" line="111"/>
        <location filename="../../ui/dashboard.py" line="114"/>
        <location filename="../../ui/outcomes_view.py" line="107"/>
        <location filename="../../ui/queries.py" line="41"/>
        <location filename="../../ui/safety_page.py" line="86"/>
        <location filename="../../ui/subjects.py" line="52"/>
        <source>Subject</source>
        <translation>بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="41"/>
        <source>Event</source>
        <translation>ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="42"/>
        <location filename="../../ui/audit_viewer.py" line="173"/>
        <location filename="../../ui/dialogs_auth.py" line="266"/>
        <location filename="../../ui/main_window.py" line="71"/>
        <location filename="../../ui/main_window.py" line="182"/>
        <location filename="../../ui/queries.py" line="42"/>
        <source>Form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../ui/audit_viewer.py" line="42"/>
        <location filename="../../ui/audit_viewer.py" line="175"/>
        <location filename="../../ui/history.py" line="42"/>
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
        <location filename="../../ui/main_window.py" line="72"/>
        <source>Queries</source>
        <translation>پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Database: {path}</source>
        <translation>پایگاه داده: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source> DEMO DATA (synthetic) </source>
        <translation> داده‌های نمایشی (ساختگی) </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>not logged in</source>
        <translation>وارد نشده</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>Could not load the data</source>
        <translation>داده‌ها بارگذاری نشد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Casebook {subject}</source>
        <translation>پروندهٔ بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Form: {label}</source>
        <translation>فرم: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Logged in: {who}</source>
        <translation>واردشده: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
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
        <location filename="../../ui/main_window.py" line="336"/>
        <source>Welcome back: your changes to {what} are still on screen</source>
        <translation>خوش برگشتید: تغییرات شما در {what} همچنان روی صفحه است</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>The unsaved changes of {name} to {what} were discarded</source>
        <translation>تغییرات ذخیره‌نشدهٔ {name} در {what} دور ریخته شد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Account added: {user} ({role})</source>
        <translation>حساب افزوده شد: {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>The window now locks after {minutes} idle minutes</source>
        <translation>پنجره از این پس پس از {minutes} دقیقه بیکاری قفل می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>dates are shown as {format}</source>
        <translation>تاریخ‌ها به شکل {format} نشان داده می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="42"/>
        <location filename="../../ui/admin_users.py" line="230"/>
        <location filename="../../ui/dialogs_auth.py" line="208"/>
        <source>User id</source>
        <translation>شناسهٔ کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="42"/>
        <location filename="../../ui/admin_users.py" line="231"/>
        <location filename="../../ui/dialogs_auth.py" line="140"/>
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
        <location filename="../../ui/form_page.py" line="169"/>
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
        <location filename="../../ui/dialogs_auth.py" line="141"/>
        <location filename="../../ui/dialogs_auth.py" line="209"/>
        <location filename="../../ui/dialogs_auth.py" line="247"/>
        <location filename="../../ui/idle_lock.py" line="98"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="238"/>
        <location filename="../../ui/dialogs_auth.py" line="142"/>
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
        <location filename="../../ui/admin_users.py" line="330"/>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
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
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Add an account</source>
        <translation>افزودن یک حساب</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="398"/>
        <source>Added {user} ({role}).</source>
        <translation>{user} ({role}) افزوده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Site settings (idle lock)</source>
        <translation>تنظیمات مرکز (قفل در بیکاری)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
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
        <location filename="../../ui/dialogs.py" line="108"/>
        <source>write a note for: {finding}</source>
        <translation>برای این مورد یادداشت بنویسید: {finding}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="112"/>
        <source>Keep the answers with these notes</source>
        <translation>نگه‌داشتن پاسخ‌ها با این یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="136"/>
        <source>Enter is OK; Shift+Enter starts a new line</source>
        <translation>Enter یعنی تأیید؛ Shift+Enter سطر تازه‌ای آغاز می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>the text is missing: type it above, then press Enter.</source>
        <translation>متن خالی است: آن را در بالا بنویسید، سپس Enter را بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>New subject</source>
        <translation>بیمار جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="170"/>
        <source>The new subject is registered in screening with the next screening number.</source>
        <translation>بیمار جدید در مرحلهٔ غربالگری و با شمارهٔ غربالگری بعدی ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="174"/>
        <location filename="../../ui/subjects.py" line="52"/>
        <source>Initials</source>
        <translation>حروف اول نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176"/>
        <source>optional, 2 to 4 letters</source>
        <translation>اختیاری، ۲ تا ۴ حرف</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="177"/>
        <source>&amp;Initials:</source>
        <translation>&amp;حروف اول نام:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="180"/>
        <source>Register</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="200"/>
        <source>Change the status of {subject}</source>
        <translation>تغییر وضعیت {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>{subject} is &lt;b&gt;{status}&lt;/b&gt;. Choose the new status and give the reason; the audit trail keeps both.</source>
        <translation>وضعیت {subject} &lt;b&gt;{status}&lt;/b&gt; است. وضعیت جدید را انتخاب کنید و دلیل آن را بنویسید؛ ردپای ممیزی هر دو را نگه می‌دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="206"/>
        <source>{subject} is &lt;b&gt;{status}&lt;/b&gt;. Its status follows its data: no other status can be chosen by hand now (why, below).</source>
        <translation>وضعیت {subject} &lt;b&gt;{status}&lt;/b&gt; است. وضعیت این بیمار از داده‌هایش پیروی می‌کند: اکنون هیچ وضعیت دیگری را نمی‌توان دستی انتخاب کرد (دلیلش در پایین آمده است).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215"/>
        <source>New status</source>
        <translation>وضعیت جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>— choose the new status —</source>
        <translation>— وضعیت جدید را انتخاب کنید —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="221"/>
        <source>{status} (not possible now)</source>
        <translation>{status} (اکنون ممکن نیست)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="231"/>
        <location filename="../../ui/form_actions.py" line="120"/>
        <source>Reason for the change</source>
        <translation>دلیل تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="232"/>
        <source>Why the status changes</source>
        <translation>چرا وضعیت تغییر می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="233"/>
        <source>&amp;New status:</source>
        <translation>وضعیت &amp;جدید:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="241"/>
        <source>Not possible now:</source>
        <translation>اکنون ممکن نیست:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="276"/>
        <source>Choose the new status first (arrow keys or the first letter).</source>
        <translation>نخست وضعیت جدید را انتخاب کنید (با کلیدهای جهت‌نما یا حرف اول).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="280"/>
        <source>Give the reason for changing {subject} to {status}.</source>
        <translation>دلیل تغییر وضعیت {subject} به {status} را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="284"/>
        <source>Confirm the status change</source>
        <translation>تأیید تغییر وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="285"/>
        <source>Change {subject} from {old} to {new}?</source>
        <translation>وضعیت {subject} از {old} به {new} تغییر کند؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="288"/>
        <source>Reason: {reason}</source>
        <translation>دلیل: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289"/>
        <source>Change to {status}</source>
        <translation>تغییر به {status}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="291"/>
        <source>Go back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="307"/>
        <location filename="../../ui/main_window.py" line="391"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="312"/>
        <source>Lock the window after this many idle minutes</source>
        <translation>قفل شدن پنجره پس از این تعداد دقیقه بی‌کاری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="315"/>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="316"/>
        <source>&amp;Lock the window when idle for:</source>
        <translation>&amp;قفل کردن پنجره پس از بی‌کاری به مدت:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="320"/>
        <source>How dates are written on screen</source>
        <translation>شیوهٔ نوشتن تاریخ‌ها روی صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="323"/>
        <source>&amp;Dates on screen:</source>
        <translation>&amp;تاریخ‌ها روی صفحه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="326"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>About ALS Desk</source>
        <translation>دربارهٔ ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
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
        <location filename="../../ui/main_window.py" line="451"/>
        <source>Close ALS Desk</source>
        <translation>بستن ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
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
        <location filename="../../ui/history.py" line="44"/>
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
        <location filename="../../ui/dialogs.py" line="251"/>
        <location filename="../../ui/pdf_preview.py" line="69"/>
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
        <location filename="../../ui/amend_dialog.py" line="141"/>
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
        <location filename="../../ui/amend_dialog.py" line="41"/>
        <source>REFUSED</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="59"/>
        <source>Amend the study definition</source>
        <translation>اصلاح تعریف مطالعه</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="64"/>
        <source>The database works under &lt;b&gt;{study}&lt;/b&gt; CRF version &lt;b&gt;{crf_version}&lt;/b&gt; (stored version {version}).</source>
        <translation>پایگاه داده با &lt;b&gt;{study}&lt;/b&gt;، نسخهٔ CRF &lt;b&gt;{crf_version}&lt;/b&gt; کار می‌کند (نسخهٔ ذخیره‌شدهٔ {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="77"/>
        <source>&amp;Choose another file…</source>
        <translation>&amp;انتخاب فایل دیگر…</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="89"/>
        <source>Changes and what they do to the data</source>
        <translation>تغییرها و اثر آن‌ها بر داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="99"/>
        <source>Reason for the amendment</source>
        <translation>دلیل اصلاحیه</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="100"/>
        <source>the protocol amendment&apos;s number and date (kept in the audit trail)</source>
        <translation>شماره و تاریخ اصلاحیهٔ پروتکل (در ردپای ممیزی نگه داشته می‌شود)</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="104"/>
        <source>Your password</source>
        <translation>گذرواژهٔ شما</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="106"/>
        <location filename="../../ui/dialogs.py" line="234"/>
        <source>&amp;Reason:</source>
        <translation>&amp;دلیل:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="107"/>
        <source>Your pass&amp;word:</source>
        <translation>&amp;گذرواژهٔ شما:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="119"/>
        <source>give the reason for the amendment (for example the protocol amendment&apos;s number and date).</source>
        <translation>دلیل اصلاحیه را بنویسید (برای نمونه شماره و تاریخ اصلاحیهٔ پروتکل).</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="121"/>
        <source>type your password to apply the amendment.</source>
        <translation>برای اعمال اصلاحیه، گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="164"/>
        <source>File: &lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>فایل: &lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="172"/>
        <source>This file cannot amend the database:</source>
        <translation>این فایل نمی‌تواند پایگاه داده را اصلاح کند:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="174"/>
        <source>Nothing will change. Correct the file, or choose another.</source>
        <translation>هیچ چیز تغییر نمی‌کند. فایل را اصلاح کنید یا فایل دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="181"/>
        <source>{study}: CRF version {old} → {new}, stored as version {version}.</source>
        <translation>{study}: نسخهٔ CRF از {old} به {new}، ذخیره‌شده به‌عنوان نسخهٔ {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="184"/>
        <source>{n} change</source>
        <translation>{n} تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="184"/>
        <source>{n} changes</source>
        <translation>{n} تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="185"/>
        <source>, {n} refused:</source>
        <translation>، {n} مورد رد شد:</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="189"/>
        <source>Nothing will change: {refused} of the {n} changes is refused. Write the definition again without them (each says what to do instead), then choose the file again.</source>
        <translation>هیچ چیز تغییر نمی‌کند: {refused} مورد از {n} تغییر رد شده است. تعریف را بدون آن دوباره بنویسید (هر مورد رد شده می‌گوید به‌جای آن چه باید کرد)، سپس فایل را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="192"/>
        <source>Nothing will change: {refused} of the {n} changes are refused. Write the definition again without them (each says what to do instead), then choose the file again.</source>
        <translation>هیچ چیز تغییر نمی‌کند: {refused} مورد از {n} تغییر رد شده‌اند. تعریف را بدون آن‌ها دوباره بنویسید (هر مورد رد شده می‌گوید به‌جای آن چه باید کرد)، سپس فایل را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="199"/>
        <source>Apply stores this definition as version {version}, with your reason, in the audit trail. Forms entered before keep the version they were entered under; new ones follow the new definition.</source>
        <translation>با «اعمال»، این تعریف به‌عنوان نسخهٔ {version} و همراه با دلیل شما در ردپای ممیزی ذخیره می‌شود. فرم‌هایی که پیش‌تر وارد شده‌اند نسخه‌ای را که با آن وارد شده‌اند نگه می‌دارند؛ فرم‌های جدید از تعریف جدید پیروی می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="206"/>
        <source>A&amp;pply as version {version}</source>
        <translation>ا&amp;عمال به‌عنوان نسخهٔ {version}</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="207"/>
        <source>A&amp;pply</source>
        <translation>ا&amp;عمال</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="212"/>
        <source>Nothing can be applied: {why}</source>
        <translation>هیچ چیز اعمال نمی‌شود: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57"/>
        <location filename="../../ui/app.py" line="60"/>
        <location filename="../../ui/reliability.py" line="54"/>
        <location filename="../../ui/reliability.py" line="74"/>
        <source>Cannot open the database</source>
        <translation>پایگاه داده باز نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="60"/>
        <source>The database has no accounts yet and is open read-only: nobody can log in.</source>
        <translation>این پایگاه داده هنوز هیچ حسابی ندارد و فقط‌خواندنی باز شده است: هیچ‌کس نمی‌تواند وارد شود.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="162"/>
        <source>ALS Desk cannot start</source>
        <translation>ALS Desk نمی‌تواند اجرا شود</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="59"/>
        <location filename="../../ui/casebook.py" line="171"/>
        <source>No subject open</source>
        <translation>هیچ بیماری باز نیست</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="63"/>
        <location filename="../../ui/casebook.py" line="172"/>
        <source>Open a subject from the Subjects list.</source>
        <translation>یک بیمار را از فهرست بیماران باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="67"/>
        <location filename="../../ui/dialogs.py" line="245"/>
        <source>Change status…</source>
        <translation>تغییر وضعیت…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="70"/>
        <source>New unscheduled visit</source>
        <translation>ویزیت خارج از برنامهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="73"/>
        <source>Sign visit…</source>
        <translation>امضای ویزیت…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="76"/>
        <source>Lock casebook…</source>
        <translation>قفل کردن پروندهٔ بیمار…</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="110"/>
        <source>V&amp;isits</source>
        <translation>&amp;ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="112"/>
        <source>&amp;Schedule</source>
        <translation>&amp;برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="117"/>
        <source>Eligibility (computed from the screening forms)</source>
        <translation>واجد شرایط بودن (محاسبه‌شده از فرم‌های غربالگری)</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="123"/>
        <source>Infusion dose</source>
        <translation>دوز تزریق</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="126"/>
        <source>&amp;Eligibility and dose</source>
        <translation>&amp;واجد شرایط بودن و دوز</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="131"/>
        <location filename="../../ui/casebook.py" line="160"/>
        <location filename="../../ui/outcomes_view.py" line="94"/>
        <source>Primary outcomes (72 h)</source>
        <translation>پیامدهای اولیه (72 h)</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="144"/>
        <location filename="../../ui/casebook.py" line="183"/>
        <location filename="../../ui/casebook.py" line="245"/>
        <source>{label}s</source>
        <translation>{label}</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="185"/>
        <source>No subject open.</source>
        <translation>هیچ بیماری باز نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="200"/>
        <source>no visit scheduled</source>
        <translation>ویزیتی برنامه‌ریزی نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="203"/>
        <source>{n} forms await the investigator&apos;s signature</source>
        <translation>{n} فرم در انتظار امضای پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="204"/>
        <source>{n} form awaits the investigator&apos;s signature</source>
        <translation>{n} فرم در انتظار امضای پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../ui/casebook.py" line="206"/>
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
        <location filename="../../ui/print_actions.py" line="158"/>
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
        <location filename="../../ui/charts.py" line="34"/>
        <source>ALSFRS-R total and FVC % predicted over time</source>
        <translation>نمرهٔ کل ALSFRS-R و درصد پیش‌بینی‌شدهٔ FVC در طول زمان</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="42"/>
        <source>ALSFRS-R total (0-48)</source>
        <translation>نمرهٔ کل ALSFRS-R (0-48)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="44"/>
        <source>FVC % predicted</source>
        <translation>FVC (% پیش‌بینی‌شده)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="52"/>
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
        <location filename="../../ui/dashboard.py" line="75"/>
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
        <location filename="../../ui/dashboard.py" line="80"/>
        <source>visits in window or due</source>
        <translation>ویزیت‌های در بازهٔ زمانی یا سررسیده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="85"/>
        <source>visits overdue</source>
        <translation>ویزیت‌های عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="86"/>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>open queries</source>
        <translation>پرسش‌های باز</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="91"/>
        <source>serious adverse events</source>
        <translation>عوارض ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="99"/>
        <location filename="../../ui/dashboard.py" line="150"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="105"/>
        <location filename="../../ui/dashboard.py" line="225"/>
        <source>Updated {now:%H:%M}</source>
        <translation>به‌روزشده در ساعت {now:%H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="106"/>
        <location filename="../../ui/dashboard.py" line="173"/>
        <source>Updating…</source>
        <translation>در حال به‌روزرسانی…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="111"/>
        <location filename="../../ui/queries.py" line="41"/>
        <location filename="../../ui/schedule_table.py" line="84"/>
        <source>Visit</source>
        <translation>ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="111"/>
        <location filename="../../ui/schedule_table.py" line="84"/>
        <source>Target</source>
        <translation>زمان هدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="112"/>
        <location filename="../../ui/help.py" line="118"/>
        <location filename="../../ui/schedule_table.py" line="85"/>
        <source>Window</source>
        <translation>پنجره</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="112"/>
        <location filename="../../ui/dialogs_auth.py" line="266"/>
        <location filename="../../ui/log_tables.py" line="58"/>
        <location filename="../../ui/queries.py" line="43"/>
        <location filename="../../ui/schedule_table.py" line="86"/>
        <location filename="../../ui/subjects.py" line="53"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="114"/>
        <source>SAE report</source>
        <translation>گزارش عارضهٔ ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>Adverse event</source>
        <translation>عارضهٔ ناخواسته</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="115"/>
        <source>Start</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="116"/>
        <source>Outcome</source>
        <translation>پیامد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="117"/>
        <source>Visits in window, due or overdue</source>
        <translation>ویزیت‌های در بازهٔ زمانی، سررسیده یا عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="118"/>
        <source>Serious adverse events</source>
        <translation>عوارض ناخواستهٔ جدی</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="135"/>
        <source>ALSFRS-R and FVC over time</source>
        <translation>ALSFRS-R و FVC در طول زمان</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="137"/>
        <source>&amp;Subject:</source>
        <translation>&amp;بیمار:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="140"/>
        <source>Subject shown in the chart</source>
        <translation>بیمارِ نمایش‌داده‌شده در نمودار</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="191"/>
        <source>{percent} % of target</source>
        <translation>{percent}٪ از هدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="194"/>
        <source>due: opens in ≤ {days:g} days</source>
        <translation>سررسیده: بازهٔ زمانی ظرف ≤ {days:g} روز باز می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="196"/>
        <source>In window: the visit&apos;s window is open now. Due: its window opens within {days:g} days (the study&apos;s due_ahead_days).</source>
        <translation>در بازهٔ زمانی: بازهٔ زمانی ویزیت اکنون باز است. سررسیده: بازهٔ زمانی آن ظرف {days:g} روز باز می‌شود (due_ahead_days مطالعه).</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="203"/>
        <source>open query</source>
        <translation>پرسش باز</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="205"/>
        <source>{n} answered, to close</source>
        <translation>{n} پاسخ‌داده‌شده، در انتظار بستن</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="206"/>
        <source>none answered, to close</source>
        <translation>هیچ پرسش پاسخ‌داده‌شده‌ای در انتظار بستن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="207"/>
        <source>Open: waiting for the site&apos;s answer. Answered: waiting for the monitor to close them.</source>
        <translation>باز: در انتظار پاسخ مرکز. پاسخ‌داده‌شده: در انتظار بستن به دست پایشگر.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="251"/>
        <location filename="../../ui/sae_view.py" line="66"/>
        <source>reports up to date</source>
        <translation>گزارش‌ها به‌روز است</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>{n} report OVERDUE</source>
        <translation>{n} گزارش عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>{n} reports OVERDUE</source>
        <translation>{n} گزارش عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="263"/>
        <source>{n} due</source>
        <translation>{n} سررسیده</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="264"/>
        <source>no SAE report due</source>
        <translation>هیچ گزارش عارضهٔ ناخواستهٔ جدی سررسید نشده است</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="279"/>
        <source>No subject has ALSFRS-R or FVC data yet</source>
        <translation>هنوز هیچ بیماری دادهٔ ALSFRS-R یا FVC ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="280"/>
        <location filename="../../ui/dashboard.py" line="291"/>
        <source>Subject {code}: no dated visit with ALSFRS-R or FVC yet</source>
        <translation>بیمار {code}: هنوز ویزیت تاریخ‌داری با ALSFRS-R یا FVC ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="290"/>
        <source>Subject {code}</source>
        <translation>بیمار {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="292"/>
        <source>No subject with data yet</source>
        <translation>هنوز هیچ بیماری داده ندارد</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="19"/>
        <source>✔ met</source>
        <translation>✔ برآورده شده</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="19"/>
        <source>✖ not met</source>
        <translation>✖ برآورده نشده</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="20"/>
        <source>? not known</source>
        <translation>؟ نامعلوم</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="39"/>
        <source>Eligibility criteria</source>
        <translation>معیارهای واجد شرایط بودن</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="40"/>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="40"/>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="40"/>
        <source>Detail</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="56"/>
        <source>Eligibility is not defined for this study.</source>
        <translation>واجد شرایط بودن برای این مطالعه تعریف نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/derived_panel.py" line="80"/>
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
        <location filename="../../ui/dialogs_auth.py" line="48"/>
        <source>The password needs {rules}.</source>
        <translation>شرایط گذرواژه: {rules}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="127"/>
        <source>There is no database at &lt;b&gt;{path}&lt;/b&gt;.</source>
        <translation>در &lt;b&gt;{path}&lt;/b&gt; هیچ پایگاه داده‌ای وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="128"/>
        <source>The database has no users yet: &lt;b&gt;{path}&lt;/b&gt;.</source>
        <translation>این پایگاه داده هنوز هیچ کاربری ندارد: &lt;b&gt;{path}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="130"/>
        <source>ALS Desk — first start</source>
        <translation>ALS Desk — نخستین اجرا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="131"/>
        <source>Create the first administrator account. The administrator adds the nurses, investigators and monitors; it does not enter clinical data.</source>
        <translation>نخستین حساب مدیر سامانه را بسازید. مدیر سامانه پرستاران، پژوهشگران و پایشگران را اضافه می‌کند؛ خودش دادهٔ بالینی وارد نمی‌کند.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="134"/>
        <source>Create</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="134"/>
        <source>Create the account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="139"/>
        <source>Administrator user id</source>
        <translation>شناسهٔ کاربری مدیر سامانه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="143"/>
        <location filename="../../ui/dialogs_auth.py" line="210"/>
        <source>User id:</source>
        <translation>شناسهٔ کاربری:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="144"/>
        <source>Full name:</source>
        <translation>نام کامل:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="146"/>
        <location filename="../../ui/dialogs_auth.py" line="211"/>
        <location filename="../../ui/dialogs_auth.py" line="250"/>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="147"/>
        <source>Password again:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="149"/>
        <source>type the administrator&apos;s user id.</source>
        <translation>شناسهٔ کاربری مدیر سامانه را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="150"/>
        <source>type the administrator&apos;s full name.</source>
        <translation>نام کامل مدیر سامانه را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="151"/>
        <source>choose a password.</source>
        <translation>یک گذرواژه انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="152"/>
        <source>type the password again, to be sure of it.</source>
        <translation>برای اطمینان، گذرواژه را دوباره بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="181"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>دو گذرواژه یکسان نیستند: یک گذرواژه را دو بار بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="205"/>
        <source>ALS Desk — log in</source>
        <translation>ALS Desk — ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="206"/>
        <source>Database: &lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>پایگاه داده: &lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="206"/>
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="212"/>
        <source>type your user id.</source>
        <translation>شناسهٔ کاربری خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="213"/>
        <source>type your password.</source>
        <translation>گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="232"/>
        <source>Electronic signature</source>
        <translation>امضای الکترونیکی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="233"/>
        <source>You are signing &lt;b&gt;{what}&lt;/b&gt;.&lt;br&gt;Your signature is the legally binding equivalent of a handwritten one (21 CFR 11). It is shown and printed with your name, the date and time, and its meaning.</source>
        <translation>شما &lt;b&gt;{what}&lt;/b&gt; را امضا می‌کنید.&lt;br&gt;امضای شما از نظر قانونی هم‌ارز امضای دست‌نویس است (21 CFR 11). این امضا همراه با نام شما، تاریخ و ساعت، و معنای آن نمایش داده و چاپ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="235"/>
        <location filename="../../ui/form_actions.py" line="244"/>
        <source>Sign</source>
        <translation>امضا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="243"/>
        <source>Meaning of the signature</source>
        <translation>معنای امضا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="248"/>
        <source>Signed by:</source>
        <translation>امضاکننده:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="249"/>
        <source>Meaning:</source>
        <translation>معنا:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="252"/>
        <source>type your password to sign.</source>
        <translation>برای امضا، گذرواژهٔ خود را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="253"/>
        <source>give the meaning of the signature.</source>
        <translation>معنای امضا را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="266"/>
        <source>Completed by</source>
        <translation>تکمیل‌کننده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="266"/>
        <source>On</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="268"/>
        <source>&lt;b&gt;Forms this signature covers ({n}):&lt;/b&gt;</source>
        <translation>&lt;b&gt;فرم‌هایی که این امضا در بر می‌گیرد ({n}):&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs_auth.py" line="276"/>
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
        <location filename="../../ui/field_editors.py" line="31"/>
        <source>HH:MM (24 h)</source>
        <translation>HH:MM (۲۴ ساعته)</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="44"/>
        <source>{day}, YYYY-MM or YYYY</source>
        <translation>{day}، YYYY-MM یا YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="45"/>
        <source>{day}, MMM/YYYY or YYYY</source>
        <translation>{day}، MMM/YYYY یا YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="158"/>
        <source>{min} to {max}</source>
        <translation>{min} تا {max}</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="182"/>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="183"/>
        <source>Pick the date from a calendar</source>
        <translation>انتخاب تاریخ از تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="184"/>
        <source>{label}: pick from a calendar</source>
        <translation>{label}: انتخاب از تقویم</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="208"/>
        <source>Now</source>
        <translation>اکنون</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="209"/>
        <source>Fill in the current date and time</source>
        <translation>درج تاریخ و ساعت کنونی</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="210"/>
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
        <location filename="../../ui/form_actions.py" line="35"/>
        <source>Nothing was saved; what you typed is still on screen.</source>
        <translation>چیزی ذخیره نشد؛ آنچه وارد کرده‌اید هنوز روی صفحه است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="64"/>
        <source>That was the last form of {event} for {subject}.</source>
        <translation>این آخرین فرم {event} برای بیمار {subject} بود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="81"/>
        <location filename="../../ui/form_actions.py" line="110"/>
        <location filename="../../ui/form_actions.py" line="137"/>
        <location filename="../../ui/form_actions.py" line="140"/>
        <source>Not saved</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="81"/>
        <source>These entries cannot be read:</source>
        <translation>این ورودی‌ها قابل خواندن نیستند:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="90"/>
        <source>The signature will be voided</source>
        <translation>امضا باطل خواهد شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="91"/>
        <source>&apos;{form}&apos; was signed by {name} on {when}. Saving this change voids that signature (the audit trail keeps it); the investigator must sign again.

Save the change and void the signature?</source>
        <translation>فرم «{form}» در {when} توسط {name} امضا شده است. ذخیرهٔ این تغییر آن امضا را باطل می‌کند (ردپای ممیزی آن را نگه می‌دارد)؛ پژوهشگر باید دوباره امضا کند.

تغییر ذخیره و امضا باطل شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="113"/>
        <source>Give the infusion although not eligible?</source>
        <translation>تزریق با وجود واجد شرایط نبودن انجام شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="114"/>
        <source>{message}

As the investigator you may override this: give the reason. It is recorded as a protocol-deviation entry.</source>
        <translation>{message}

شما به‌عنوان پژوهشگر می‌توانید از این مانع بگذرید: دلیل آن را بنویسید. این کار به‌عنوان یک ورودی انحراف از پروتکل ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="143"/>
        <source>Marked complete</source>
        <translation>به‌عنوان کامل ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="143"/>
        <location filename="../../ui/form_actions.py" line="149"/>
        <source>Saved</source>
        <translation>ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="144"/>
        <source>{n} note(s) kept as open queries</source>
        <translation>{n} یادداشت به‌صورت پرسش باز نگه داشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="146"/>
        <source>{what}: {form} of {subject}{queries}</source>
        <translation>{what}: {form} بیمار {subject}{queries}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="175"/>
        <source>Cannot mark complete</source>
        <translation>ثبت به‌عنوان کامل ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="175"/>
        <source>Correct these first:</source>
        <translation>ابتدا این موارد را اصلاح کنید:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="177"/>
        <source>The form was not saved as complete; what you typed is still on screen.</source>
        <translation>فرم به‌عنوان کامل ذخیره نشد؛ آنچه وارد کرده‌اید هنوز روی صفحه است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="213"/>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>&apos;{form}&apos; of subject {subject}</source>
        <translation>فرم «{form}» بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="229"/>
        <source>Save or undo the changes on screen first.</source>
        <translation>ابتدا تغییرات روی صفحه را ذخیره یا لغو کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="255"/>
        <source>Open queries</source>
        <translation>پرسش‌های باز</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="255"/>
        <source>&apos;{form}&apos; has {n} open queries:</source>
        <translation>فرم «{form}» {n} پرسش باز دارد:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="256"/>
        <source>&apos;{form}&apos; has {n} open query:</source>
        <translation>فرم «{form}» {n} پرسش باز دارد:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="260"/>
        <source>Data under question is usually settled before it is signed. Sign anyway?</source>
        <translation>داده‌ای که درباره‌اش پرسش مطرح است معمولاً پیش از امضا روشن می‌شود. با این حال امضا شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="264"/>
        <source>{form}, {event}, subject {subject}</source>
        <translation>{form}، {event}، بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="271"/>
        <source>Signed: {form} of {subject}</source>
        <translation>امضا شد: {form} بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="277"/>
        <location filename="../../ui/form_actions.py" line="279"/>
        <source>Verify</source>
        <translation>راستی‌آزمایی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="282"/>
        <location filename="../../ui/form_actions.py" line="290"/>
        <source>Lock</source>
        <translation>قفل کردن</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="286"/>
        <source>Lock form</source>
        <translation>قفل کردن فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="286"/>
        <source>Lock this form? Nobody can change it until an administrator unlocks it. A reason is optional.</source>
        <translation>این فرم قفل شود؟ تا وقتی مدیر سامانه قفل آن را باز نکند، هیچ‌کس نمی‌تواند آن را تغییر دهد. نوشتن دلیل اختیاری است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="293"/>
        <location filename="../../ui/form_actions.py" line="299"/>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="296"/>
        <source>Unlock form</source>
        <translation>باز کردن قفل فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="297"/>
        <source>Why must this form change again?</source>
        <translation>چرا این فرم باید دوباره تغییر کند؟</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="302"/>
        <location filename="../../ui/form_actions.py" line="309"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="306"/>
        <source>Delete entry</source>
        <translation>حذف ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="306"/>
        <source>Withdraw this entry? It stays in the file with its history, marked deleted.</source>
        <translation>این ورودی کنار گذاشته شود؟ ورودی همراه با سابقه‌اش در فایل می‌ماند و با علامت «حذف‌شده» مشخص می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="317"/>
        <location filename="../../ui/form_actions.py" line="321"/>
        <source>Raise a query</source>
        <translation>طرح پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="318"/>
        <source>Question for the site about &apos;{label}&apos;:</source>
        <translation>پرسش از مرکز دربارهٔ «{label}»:</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="325"/>
        <location filename="../../ui/form_actions.py" line="330"/>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="325"/>
        <source>Nothing has been saved on this form yet.</source>
        <translation>هنوز چیزی در این فرم ذخیره نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="336"/>
        <source>History of &apos;{what}&apos; — subject {subject}</source>
        <translation>سابقهٔ «{what}» — بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="354"/>
        <source>History of &apos;{label}&apos;…</source>
        <translation>سابقهٔ «{label}»…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="357"/>
        <source>Raise a query on &apos;{label}&apos;…</source>
        <translation>طرح پرسش دربارهٔ «{label}»…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="376"/>
        <source>Pick from the calendar…</source>
        <translation>انتخاب از تقویم…</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="377"/>
        <source>Fill in now</source>
        <translation>درج زمان کنونی</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="391"/>
        <source>No missing-data code (a value)</source>
        <translation>بدون کد دادهٔ ناموجود (یک مقدار)</translation>
    </message>
    <message>
        <location filename="../../ui/form_actions.py" line="392"/>
        <source>Missing: {code} — {label}</source>
        <translation>ناموجود: {code} — {label}</translation>
    </message>
    <message>
        <location filename="../../ui/form_live.py" line="123"/>
        <source>● modified: saving voids the signature</source>
        <translation>● تغییر کرده: ذخیره کردن، امضا را باطل می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/form_live.py" line="124"/>
        <location filename="../../ui/form_page.py" line="92"/>
        <source>● modified, not saved</source>
        <translation>● تغییر کرده، ذخیره نشده</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="40"/>
        <source>Click into a field to see its help here.</source>
        <translation>روی یک فیلد کلیک کنید تا راهنمای آن اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="79"/>
        <location filename="../../ui/form_page.py" line="288"/>
        <source>No form open</source>
        <translation>هیچ فرمی باز نیست</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="82"/>
        <location filename="../../ui/form_page.py" line="289"/>
        <source>Open a form from a subject&apos;s casebook.</source>
        <translation>یک فرم را از پروندهٔ بیمار باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="95"/>
        <source>The form has changes that are not saved</source>
        <translation>فرم تغییراتی دارد که ذخیره نشده‌اند</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="125"/>
        <source>Queries on this form</source>
        <translation>پرسش‌های این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="126"/>
        <location filename="../../ui/form_page.py" line="403"/>
        <source>None.</source>
        <translation>موردی نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="131"/>
        <source>About this field</source>
        <translation>دربارهٔ این فیلد</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="161"/>
        <location filename="../../ui/form_page.py" line="365"/>
        <source>&amp;Save draft</source>
        <translation>&amp;ذخیرهٔ پیش‌نویس</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="162"/>
        <source>Mark &amp;complete</source>
        <translation>ثبت به‌عنوان &amp;کامل</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="164"/>
        <source>Save and ne&amp;xt form</source>
        <translation>ذخیره و فرم &amp;بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="166"/>
        <source>Si&amp;gn form…</source>
        <translation>&amp;امضای فرم…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="167"/>
        <source>&amp;Verify</source>
        <translation>&amp;راستی‌آزمایی</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="168"/>
        <source>&amp;Lock</source>
        <translation>&amp;قفل کردن</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="170"/>
        <source>&amp;Delete entry…</source>
        <translation>&amp;حذف ورودی…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="171"/>
        <source>Raise &amp;query…</source>
        <translation>طرح &amp;پرسش…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="173"/>
        <source>&amp;History…</source>
        <translation>&amp;سابقه…</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="183"/>
        <source>Form actions</source>
        <translation>کارهای فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="211"/>
        <source>Restricted</source>
        <translation>دسترسی محدود</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="211"/>
        <source>&apos;{form}&apos; holds direct identifiers only, shown to site staff only ({reason})</source>
        <translation>فرم «{form}» فقط شناسه‌های مستقیم را در بر دارد که تنها به کارکنان مرکز نشان داده می‌شوند ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="334"/>
        <source>Open a form first.</source>
        <translation>ابتدا یک فرم باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="343"/>
        <source>new entry</source>
        <translation>ورودی جدید</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="344"/>
        <source>entry {n}</source>
        <translation>ورودی {n}</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="345"/>
        <source>last saved {when} by {user}</source>
        <translation>آخرین ذخیره: {when} توسط {user}</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="347"/>
        <source>Subject {subject} · {where}{entry}{saved}</source>
        <translation>بیمار {subject} · {where}{entry}{saved}</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="357"/>
        <source>Go to the Form page first (Ctrl+4).</source>
        <translation>ابتدا به صفحهٔ فرم بروید (Ctrl+4).</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="360"/>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="361"/>
        <source>Save the change; the form stays complete (the checks run again, a reason is asked) (Ctrl+S)</source>
        <translation>ذخیرهٔ تغییر؛ فرم کامل می‌ماند (بررسی‌ها دوباره اجرا می‌شوند و دلیل تغییر پرسیده می‌شود) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="366"/>
        <source>Save what is typed as a draft (Ctrl+S)</source>
        <translation>ذخیرهٔ آنچه وارد شده به‌صورت پیش‌نویس (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="368"/>
        <source>Mark complete and open the visit&apos;s next form (Ctrl+Shift+Return)</source>
        <translation>ثبت به‌عنوان کامل و باز کردن فرم بعدی ویزیت (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="369"/>
        <source>Run every check and mark the form complete</source>
        <translation>اجرای همهٔ بررسی‌ها و ثبت فرم به‌عنوان کامل</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="370"/>
        <source>Sign this form electronically</source>
        <translation>امضای الکترونیکی این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="371"/>
        <source>Record source data verification</source>
        <translation>ثبت راستی‌آزمایی دادهٔ منبع</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="372"/>
        <source>Lock the form against changes</source>
        <translation>قفل کردن فرم در برابر تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="373"/>
        <source>Unlock the form (with a reason)</source>
        <translation>باز کردن قفل فرم (با ذکر دلیل)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="374"/>
        <source>Withdraw this entry (with a reason)</source>
        <translation>کنار گذاشتن این ورودی (با ذکر دلیل)</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="376"/>
        <source>Ask the site a question about this form</source>
        <translation>طرح پرسش از مرکز دربارهٔ این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="377"/>
        <source>Nothing is recorded yet.</source>
        <translation>هنوز چیزی ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="379"/>
        <source>The audit trail of this form</source>
        <translation>ردپای ممیزی این فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="398"/>
        <source>form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../ui/form_page.py" line="399"/>
        <source>Answer: {answer}</source>
        <translation>پاسخ: {answer}</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="58"/>
        <source>Next / previous question (one stop per question)</source>
        <translation>سؤال بعدی / قبلی (برای هر سؤال یک توقف)</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="59"/>
        <source>Pick a score on a scored question; in a grid (ALSFRS-R, GCS), then go on</source>
        <translation>انتخاب امتیاز در سؤال امتیازدار؛ در جدول (ALSFRS-R، GCS) سپس رفتن به سؤال بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="61"/>
        <source>First letter</source>
        <translation>حرف اول</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="62"/>
        <source>Pick an answer by its first letter (Y, N ...) when no other shares it</source>
        <translation>انتخاب پاسخ با حرف اول آن (Y، N و ...) وقتی پاسخ دیگری با همان حرف شروع نشود</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="64"/>
        <source>Arrows</source>
        <translation>کلیدهای جهت‌نما</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="65"/>
        <source>Move between the answers of a question</source>
        <translation>جابه‌جایی میان پاسخ‌های یک سؤال</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="66"/>
        <source>Clear the answer of a question</source>
        <translation>پاک کردن پاسخ یک سؤال</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="67"/>
        <source>The question&apos;s menu: missing-data code, calendar, now, history, a query</source>
        <translation>منوی سؤال: کد دادهٔ ناموجود، تقویم، زمان کنونی، سابقه، طرح پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="69"/>
        <source>Open the calendar of a date</source>
        <translation>باز کردن تقویم یک تاریخ</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="70"/>
        <source>Take the value suggested from another form</source>
        <translation>پذیرفتن مقدار پیشنهادشده از فرمی دیگر</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="163"/>
        <source>The field&apos;s menu: missing-data code, calendar, now, history, a query on it</source>
        <translation>منوی فیلد: کد دادهٔ ناموجود، تقویم، زمان کنونی، سابقه، طرح پرسش دربارهٔ آن</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="198"/>
        <source>restricted: direct identifiers are shown to site staff only</source>
        <translation>محدود: شناسه‌های مستقیم فقط به کارکنان مرکز نشان داده می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="241"/>
        <source>{label}: missing-data code</source>
        <translation>{label}: کد دادهٔ ناموجود</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="242"/>
        <source>A missing-data code instead of a value ({codes}): F2 on the question</source>
        <translation>کد دادهٔ ناموجود به‌جای مقدار ({codes}): کلید F2 روی سؤال</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="428"/>
        <source>Query</source>
        <translation>پرسش</translation>
    </message>
    <message>
        <location filename="../../ui/form_renderer.py" line="430"/>
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
        <location filename="../../ui/history.py" line="22"/>
        <source>entered</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="23"/>
        <source>changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="24"/>
        <source>cleared</source>
        <translation>پاک شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="25"/>
        <source>missing code set</source>
        <translation>کد دادهٔ ناموجود گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="26"/>
        <source>missing code changed</source>
        <translation>کد دادهٔ ناموجود تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="27"/>
        <source>missing code removed</source>
        <translation>کد دادهٔ ناموجود برداشته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="28"/>
        <source>form started</source>
        <translation>فرم آغاز شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="29"/>
        <source>status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="60"/>
        <location filename="../../ui/history.py" line="30"/>
        <source>signed</source>
        <translation>امضا شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="31"/>
        <source>signature voided</source>
        <translation>امضا باطل شد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="59"/>
        <location filename="../../ui/history.py" line="32"/>
        <source>verified</source>
        <translation>راستی‌آزمایی شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="33"/>
        <source>verification voided</source>
        <translation>راستی‌آزمایی باطل شد</translation>
    </message>
    <message>
        <location filename="../../alsdesk/states.py" line="60"/>
        <location filename="../../ui/history.py" line="34"/>
        <source>locked</source>
        <translation>قفل شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="35"/>
        <source>unlocked</source>
        <translation>قفل باز شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="36"/>
        <source>query raised</source>
        <translation>پرسش طرح شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="37"/>
        <source>query answered</source>
        <translation>به پرسش پاسخ داده شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="38"/>
        <source>query closed</source>
        <translation>پرسش بسته شد</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="40"/>
        <source>(restricted)</source>
        <translation>(محدود)</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="41"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="41"/>
        <source>Who</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="42"/>
        <source>What</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="43"/>
        <source>Old value</source>
        <translation>مقدار قبلی</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="43"/>
        <source>New value</source>
        <translation>مقدار جدید</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="91"/>
        <source>&lt;b&gt;{title}&lt;/b&gt; — from the audit trail, which cannot be changed.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — از ردپای ممیزی، که تغییرپذیر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="109"/>
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
        <location filename="../../ui/print_actions.py" line="30"/>
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
        <location filename="../../ui/pdf_preview.py" line="55"/>
        <source>Pages of the document</source>
        <translation>صفحه‌های سند</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="57"/>
        <source>Preparing the document…</source>
        <translation>در حال آماده‌سازی سند…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="65"/>
        <location filename="../../ui/print_actions.py" line="126"/>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="67"/>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="71"/>
        <source>Close the preview (Esc)</source>
        <translation>بستن پیش‌نمایش (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="124"/>
        <source>Preparing the document: {step}…</source>
        <translation>در حال آماده‌سازی سند: {step}…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="135"/>
        <source>data fingerprint {fingerprint}</source>
        <translation>اثر انگشت داده‌ها {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="138"/>
        <source>audit head {head}</source>
        <translation>سرِ زنجیرهٔ ردپای ممیزی {head}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="139"/>
        <source>{n} page</source>
        <translation>{n} صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="139"/>
        <source>{n} pages</source>
        <translation>{n} صفحه</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="149"/>
        <source>The document could not be made: {error}</source>
        <translation>سند ساخته نشد: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="152"/>
        <source>The document could not be made.

{error}</source>
        <translation>سند ساخته نشد.

{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="161"/>
        <source>Save the PDF</source>
        <translation>ذخیرهٔ PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="163"/>
        <source>PDF documents (*.pdf)</source>
        <translation>سندهای PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="168"/>
        <source>Save as</source>
        <translation>ذخیره با نام</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="169"/>
        <source>The file could not be written:
{error}</source>
        <translation>فایل نوشته نشد:
{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="171"/>
        <source>Saved as {path}</source>
        <translation>با نام {path} ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="188"/>
        <source>Sent {n} page to the printer.</source>
        <translation>{n} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="189"/>
        <source>Sent {n} pages to the printer.</source>
        <translation>{n} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="213"/>
        <source>The printer could not be started.</source>
        <translation>چاپگر راه‌اندازی نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="25"/>
        <source>Blank CRF book</source>
        <translation>دفترچهٔ خالی CRF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="26"/>
        <source>Visit forms</source>
        <translation>فرم‌های ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="27"/>
        <source>Subject casebook</source>
        <translation>پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="28"/>
        <source>Adverse event listing</source>
        <translation>فهرست عارضه‌های ناخواسته</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="29"/>
        <source>Visit schedule card</source>
        <translation>کارت برنامهٔ ویزیت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="31"/>
        <location filename="../../ui/safety_page.py" line="63"/>
        <source>Safety tables</source>
        <translation>جدول‌های ایمنی</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="33"/>
        <source>SAE report (CIOMS I)</source>
        <translation>گزارش عارضهٔ ناخواستهٔ جدی (CIOMS I)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="85"/>
        <source>AE {n}</source>
        <translation>عارضهٔ ناخواستهٔ شمارهٔ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="158"/>
        <location filename="../../ui/print_actions.py" line="167"/>
        <source>Print</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="168"/>
        <source>Choose a visit in the casebook first.</source>
        <translation>ابتدا یک ویزیت را در پروندهٔ بیمار انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="173"/>
        <source>Print direct identifiers</source>
        <translation>چاپ شناسه‌های مستقیم</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="174"/>
        <source>Print this casebook WITH the subject&apos;s direct identifiers (name, record number, telephone)? The printout must stay at the site; the audit trail records that you printed it.</source>
        <translation>این پروندهٔ بیمار «همراه با» شناسه‌های مستقیم بیمار (نام، شمارهٔ پرونده، تلفن) چاپ شود؟ نسخهٔ چاپی باید در مرکز بماند؛ ردپای ممیزی ثبت می‌کند که شما آن را چاپ کرده‌اید.</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="179"/>
        <source>Blank CRF book…</source>
        <translation>دفترچهٔ خالی CRF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="181"/>
        <source>Visit forms of the current visit…</source>
        <translation>فرم‌های ویزیت جاری…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="182"/>
        <source>Subject casebook…</source>
        <translation>پروندهٔ بیمار…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="184"/>
        <source>Visit schedule card…</source>
        <translation>کارت برنامهٔ ویزیت‌ها…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="187"/>
        <source>Adverse event listing…</source>
        <translation>فهرست عارضه‌های ناخواسته…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="188"/>
        <source>Safety tables…</source>
        <translation>جدول‌های ایمنی…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="189"/>
        <source>Primary outcomes (fever, GCS)…</source>
        <translation>پیامدهای اولیه (تب، GCS)…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="191"/>
        <source>Casebook with direct identifiers (administrator)…</source>
        <translation>پروندهٔ بیمار همراه با شناسه‌های مستقیم (مدیر سامانه)…</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="87"/>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="88"/>
        <source>{what} has changes that are not saved.</source>
        <translation>{what} تغییراتی دارد که ذخیره نشده‌اند.</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="90"/>
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
        <location filename="../../ui/queries.py" line="201"/>
        <source>This query is closed.</source>
        <translation>این پرسش بسته شده است.</translation>
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
        <location filename="../../ui/reliability.py" line="30"/>
        <source>Open read-only</source>
        <translation>باز کردن به‌صورت فقط‌خواندنی</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="31"/>
        <source>Take over</source>
        <translation>در اختیار گرفتن</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="31"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="48"/>
        <source>Database in use</source>
        <translation>پایگاه داده در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="50"/>
        <source>You can open it read-only: you can look, but not save.</source>
        <translation>می‌توانید آن را به‌صورت فقط‌خواندنی باز کنید: می‌توانید داده‌ها را ببینید، اما نمی‌توانید ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="52"/>
        <source>Database cannot be written</source>
        <translation>نوشتن در پایگاه داده ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="63"/>
        <source>the other computer</source>
        <translation>رایانهٔ دیگر</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="65"/>
        <source>Take the database over</source>
        <translation>در اختیار گرفتن پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="66"/>
        <source>Only take over if ALS Desk on {where} has really been closed (or that computer switched off). If it is still running there, both computers would write to the same file and data can be lost.

Has ALS Desk on the other computer been closed?</source>
        <translation>فقط در صورتی پایگاه داده را در اختیار بگیرید که ALS Desk روی {where} واقعاً بسته شده باشد (یا آن رایانه خاموش شده باشد). اگر هنوز آنجا در حال اجرا باشد، هر دو رایانه در یک فایل می‌نویسند و ممکن است داده‌ها از دست بروند.

آیا ALS Desk روی رایانهٔ دیگر بسته شده است؟</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="80"/>
        <source>Open it read-only to look at the data without changing it?</source>
        <translation>به‌صورت فقط‌خواندنی باز شود تا داده‌ها را بی‌آنکه تغییر کنند ببینید؟</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="83"/>
        <source>The database is open for writing by {who} on this computer since {since}.</source>
        <translation>پایگاه داده از {since} برای نوشتن در اختیار {who} روی همین رایانه است.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="85"/>
        <source>The database is open for writing by {who} on the computer {host} since {since}.</source>
        <translation>پایگاه داده از {since} برای نوشتن در اختیار {who} روی رایانهٔ {host} است.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="94"/>
        <source>Read-only: {who} is writing</source>
        <translation>فقط‌خواندنی: {who} در حال نوشتن است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="95"/>
        <source>Read-only: this account cannot write the database</source>
        <translation>فقط‌خواندنی: این حساب نمی‌تواند در پایگاه داده بنویسد</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="126"/>
        <source>{reason}. Nothing can be saved in this window; close it and open the database again when the other ALS Desk has closed it.</source>
        <translation>{reason}. در این پنجره هیچ چیزی ذخیره نمی‌شود؛ آن را ببندید و وقتی ALS Desk دیگر پایگاه داده را بست، دوباره بازش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="142"/>
        <source>The computer&apos;s clock is behind</source>
        <translation>ساعت رایانه عقب است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="145"/>
        <source>ALS Desk was not closed properly</source>
        <translation>ALS Desk درست بسته نشده بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="146"/>
        <source>ALS Desk did not close properly last time ({what}). The data is being checked…</source>
        <translation>ALS Desk دفعهٔ پیش درست بسته نشد ({what}). داده‌ها در حال بررسی‌اند…</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="150"/>
        <source>Checking the data failed</source>
        <translation>بررسی داده‌ها ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="161"/>
        <location filename="../../ui/reliability.py" line="214"/>
        <source>Automatic backup failed</source>
        <translation>تهیهٔ خودکار نسخهٔ پشتیبان ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="176"/>
        <source>Database checked: SQLite&apos;s quick check found no damage</source>
        <translation>پایگاه داده بررسی شد: بررسی سریع SQLite هیچ آسیبی نیافت</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="178"/>
        <source>The database is damaged</source>
        <translation>پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="179"/>
        <source>SQLite&apos;s check of {path} found damage ({problems}). Do not keep working on this file: close ALS Desk, tell your data manager and restore the latest backup.</source>
        <translation>بررسی SQLite روی {path} آسیب پیدا کرد ({problems}). روی این فایل به کار ادامه ندهید: ALS Desk را ببندید، به مدیر داده‌ها اطلاع دهید و آخرین نسخهٔ پشتیبان را بازگردانی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="187"/>
        <source>Data checked after the last crash: everything is in order</source>
        <translation>داده‌ها پس از آخرین بسته‌شدن ناگهانی بررسی شدند: همه چیز درست است</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="189"/>
        <source>The data check found problems</source>
        <translation>بررسی داده‌ها مشکلاتی یافت</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="190"/>
        <source>After ALS Desk was not closed properly, checking the database found problems. Tell your data manager before going on.</source>
        <translation>پس از درست بسته نشدن ALS Desk، بررسی پایگاه داده مشکلاتی یافت. پیش از ادامهٔ کار به مدیر داده‌ها اطلاع دهید.</translation>
    </message>
    <message>
        <location filename="../../ui/reliability.py" line="204"/>
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
        <location filename="../../ui/safety_page.py" line="98"/>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <location filename="../../ui/safety_page.py" line="101"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;خروجی CSV…</translation>
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
        <location filename="../../ui/subjects.py" line="213"/>
        <source>{shown} of {total}</source>
        <translation>{shown} از {total}</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="214"/>
        <source>{n} subjects</source>
        <translation>{n} بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="270"/>
        <source>Subject not registered</source>
        <translation>بیمار ثبت نشد</translation>
    </message>
    <message>
        <location filename="../../ui/subjects.py" line="272"/>
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
        <location filename="../../ui/visit_matrix.py" line="54"/>
        <source>Visit matrix: forms by visit</source>
        <translation>جدول ویزیت‌ها: فرم‌ها بر پایهٔ ویزیت</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="132"/>
        <source>{n} entry</source>
        <translation>{n} ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="132"/>
        <source>{n} entries</source>
        <translation>{n} ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="133"/>
        <source>none yet</source>
        <translation>هنوز هیچ</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="138"/>
        <source>restricted</source>
        <translation>دسترسی محدود</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="146"/>
        <source>{spoken} — double-click or Enter to open</source>
        <translation>{spoken} — برای باز کردن دوبار کلیک کنید یا Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="200"/>
        <source>Entry {n}: {status}</source>
        <translation>ورودی {n}: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/visit_matrix.py" line="204"/>
        <source>New entry</source>
        <translation>ورودی جدید</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="38"/>
        <source>Research nurse (data entry)</source>
        <translation>پرستار پژوهش (ورود داده)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="39"/>
        <source>Investigator</source>
        <translation>پژوهشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="40"/>
        <source>Monitor</source>
        <translation>پایشگر</translation>
    </message>
    <message>
        <location filename="../../alsdesk/auth.py" line="41"/>
        <source>Administrator</source>
        <translation>مدیر سامانه</translation>
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
</context>
</TS>
