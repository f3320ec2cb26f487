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
        <source>&amp;New subject…</source>
        <translation>&amp;بیمار جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="36"/>
        <location filename="../../ui/main_window.py" line="266"/>
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
        <location filename="../../ui/main_window.py" line="271"/>
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
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Dashboard</source>
        <translation>داشبورد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Subjects</source>
        <translation>بیماران</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Casebook</source>
        <translation>پروندهٔ بیمار</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Queries</source>
        <translation>پرسش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Database: {path}</source>
        <translation>پایگاه داده: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source> DEMO DATA (synthetic) </source>
        <translation> داده‌های نمایشی (ساختگی) </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Could not load the data</source>
        <translation>داده‌ها بارگذاری نشد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Casebook {subject}</source>
        <translation>پروندهٔ بیمار {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Form: {label}</source>
        <translation>فرم: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Logged in: {who}</source>
        <translation>واردشده: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Add an account</source>
        <translation>افزودن یک حساب</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Site settings (idle lock)</source>
        <translation>تنظیمات مرکز (قفل در بیکاری)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Switch user</source>
        <translation>تعویض کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>About ALS Desk</source>
        <translation>دربارهٔ ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>Close ALS Desk</source>
        <translation>بستن ALS Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
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
</context>
</TS>
