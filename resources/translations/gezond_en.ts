<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Account maken</source>
            <translation>Create account</translation>
        </message>
        <message>
            <source>Maak een account voor %1. Met de gebruikersnaam en het wachtwoord meldt u zich voortaan aan.</source>
            <translation>Create an account for %1. From now on you sign in with this username and password.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>Wachtwoord &amp;nogmaals:</source>
            <translation>Password &amp;again:</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Vul een gebruikersnaam in.</source>
            <translation>Enter a username.</translation>
        </message>
        <message>
            <source>Kies een wachtwoord van minstens %1 tekens.</source>
            <translation>Choose a password of at least %1 characters.</translation>
        </message>
        <message>
            <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
            <translation>The two passwords are not the same. Type them again.</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>Accounts en audit</source>
            <translation>Accounts and audit</translation>
        </message>
        <message>
            <source>Accounts op deze computer</source>
            <translation>Accounts on this computer</translation>
        </message>
        <message>
            <source>ja</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>nee</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Gebruikersnaam</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Laatst aangemeld</source>
            <translation>Last sign-in</translation>
        </message>
        <message>
            <source>Nieuw account...</source>
            <translation>New account...</translation>
        </message>
        <message>
            <source>Wachtwoord opnieuw instellen...</source>
            <translation>Reset password...</translation>
        </message>
        <message>
            <source>Uitschakelen of aanzetten</source>
            <translation>Disable or enable</translation>
        </message>
        <message>
            <source>Rol wijzigen...</source>
            <translation>Change role...</translation>
        </message>
        <message>
            <source>Herstelsleutel maken...</source>
            <translation>Make recovery key...</translation>
        </message>
        <message>
            <source>Vergrendelen na (minuten, 0 = nooit):</source>
            <translation>Lock after (minutes, 0 = never):</translation>
        </message>
        <message>
            <source>Controlelogboek (nieuwste eerst)</source>
            <translation>Audit log (newest first)</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Wat</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Wie</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Apparaat</source>
            <translation>Device</translation>
        </message>
        <message>
            <source>Keten controleren</source>
            <translation>Verify chain</translation>
        </message>
        <message>
            <source>Exporteren als CSV...</source>
            <translation>Export as CSV...</translation>
        </message>
        <message>
            <source>Exporteren als JSON...</source>
            <translation>Export as JSON...</translation>
        </message>
        <message>
            <source>Controle van de keten: NIET in orde.</source>
            <translation>Chain check: NOT intact.</translation>
        </message>
        <message>
            <source>Controle van de keten: in orde. Er is niets weggehaald of gewijzigd.</source>
            <translation>Chain check: intact. Nothing was removed or changed.</translation>
        </message>
        <message>
            <source>Kies eerst een account in de lijst.</source>
            <translation>First choose an account in the list.</translation>
        </message>
        <message>
            <source>Nieuwe medewerker...</source>
            <translation>New worker...</translation>
        </message>
        <message>
            <source>Nieuw account</source>
            <translation>New account</translation>
        </message>
        <message>
            <source>Voor welke medewerker?</source>
            <translation>For which worker?</translation>
        </message>
        <message>
            <source>Nieuwe medewerker</source>
            <translation>New worker</translation>
        </message>
        <message>
            <source>Naam van de medewerker:</source>
            <translation>Name of the worker:</translation>
        </message>
        <message>
            <source>Rol:</source>
            <translation>Role:</translation>
        </message>
        <message>
            <source>Wachtwoord opnieuw instellen</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>Nieuw wachtwoord voor %1 (minstens 8 tekens):</source>
            <translation>New password for %1 (at least 8 characters):</translation>
        </message>
        <message>
            <source>Rol wijzigen</source>
            <translation>Change role</translation>
        </message>
        <message>
            <source>Nieuwe rol voor %1:</source>
            <translation>New role for %1:</translation>
        </message>
        <message>
            <source>Een herstelsleutel maken? Daarmee kan iemand die zijn wachtwoord vergeet een nieuw wachtwoord kiezen zonder gegevens te verliezen.</source>
            <translation>Make a recovery key? With it, someone who forgets their password can choose a new one without losing data.</translation>
        </message>
        <message>
            <source>De vorige herstelsleutel werkt daarna niet meer.</source>
            <translation>The previous recovery key will stop working.</translation>
        </message>
        <message>
            <source>Herstelsleutel maken</source>
            <translation>Make recovery key</translation>
        </message>
        <message>
            <source>CSV-bestanden (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>JSON-bestanden (*.json)</source>
            <translation>JSON files (*.json)</translation>
        </message>
        <message>
            <source>Controlelogboek exporteren</source>
            <translation>Export audit log</translation>
        </message>
        <message>
            <source>Het bestand kon niet worden opgeslagen. Kies een andere map.</source>
            <translation>The file could not be saved. Choose another folder.</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Activiteiten</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>&amp;Zoek:</source>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>naam of buurt</source>
            <translation>name or neighbourhood</translation>
        </message>
        <message>
            <source>&amp;Nieuwe activiteit</source>
            <translation>&amp;New activity</translation>
        </message>
        <message>
            <source>&amp;Wijzigen</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>Niet meer in gebr&amp;uik</source>
            <translation>No longer in &amp;use</translation>
        </message>
        <message>
            <source>Nieuwe bij&amp;eenkomst</source>
            <translation>New sess&amp;ion</translation>
        </message>
        <message>
            <source>&amp;Presentielijst</source>
            <translation>&amp;Roll call</translation>
        </message>
        <message>
            <source>&amp;Ook niet meer in gebruik</source>
            <translation>&amp;Also those no longer in use</translation>
        </message>
        <message>
            <source>Bijeen&amp;komsten (nieuwste eerst)</source>
            <translation>Sessi&amp;ons (newest first)</translation>
        </message>
        <message>
            <source>Lijst in&amp;lezen...</source>
            <translation>Import &amp;list...</translation>
        </message>
        <message>
            <source>Een presentielijst uit Excel of CSV inlezen</source>
            <translation>Import a sign-in list from Excel or CSV</translation>
        </message>
        <message>
            <source>Kies links een activiteit.</source>
            <translation>Choose an activity on the left.</translation>
        </message>
        <message>
            <source>Weer in gebr&amp;uik</source>
            <translation>In &amp;use again</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Organisator</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Doelgroepen</source>
            <translation>Target groups</translation>
        </message>
        <message>
            <source>Sporen</source>
            <translation>Tracks</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>%1 is opgeslagen.</source>
            <translation>%1 has been saved.</translation>
        </message>
        <message>
            <source>%1 staat nu op 'niet meer in gebruik'. De bijeenkomsten en de aanwezigheid blijven bewaard. Terugzetten kan met 'Weer in gebruik' (zet eerst 'Ook niet meer in gebruik' aan).</source>
            <translation>%1 is now 'no longer in use'. Its sessions and attendance are kept. To undo, use 'In use again' (first switch on 'Also those no longer in use').</translation>
        </message>
        <message>
            <source>%1 is weer in gebruik.</source>
            <translation>%1 is in use again.</translation>
        </message>
        <message>
            <source>De presentielijst van %1 is opgeslagen: %2 mensen.</source>
            <translation>The roll call of %1 has been saved: %2 people.</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>Activiteit wijzigen</source>
            <translation>Edit activity</translation>
        </message>
        <message>
            <source>Nieuwe activiteit</source>
            <translation>New activity</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>Na&amp;me</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>&amp;Organisator</source>
            <translation>&amp;Organiser</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Neighbourhood</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Venue</translation>
        </message>
        <message>
            <source>&amp;Hoe vaak</source>
            <translation>&amp;How often</translation>
        </message>
        <message>
            <source>(geen vaste dag)</source>
            <translation>(no fixed day)</translation>
        </message>
        <message>
            <source>&amp;Dag</source>
            <translation>&amp;Day</translation>
        </message>
        <message>
            <source>geen vaste tijd</source>
            <translation>no fixed time</translation>
        </message>
        <message>
            <source>Begin&amp;tijd</source>
            <translation>Start &amp;time</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>none</translation>
        </message>
        <message>
            <source>&amp;Startdatum</source>
            <translation>&amp;Start date</translation>
        </message>
        <message>
            <source>&amp;Einddatum</source>
            <translation>&amp;End date</translation>
        </message>
        <message>
            <source>&amp;Programmalijn</source>
            <translation>&amp;Programme line</translation>
        </message>
        <message>
            <source>Spo&amp;ren</source>
            <translation>T&amp;racks</translation>
        </message>
        <message>
            <source>Doel&amp;groepen</source>
            <translation>Target &amp;groups</translation>
        </message>
        <message>
            <source>O&amp;mschrijving</source>
            <translation>Descri&amp;ption</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ActivityListModel</name>
        <message>
            <source>Activiteit</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>When</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Beheer</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Hier beheert u de lijsten waaruit iedereen kiest. Een waarde die niet meer gebruikt wordt, zet u op 'niet meer in gebruik': zo blijft ze bewaard bij wat er al mee is vastgelegd.</source>
            <translation>Here you manage the lists everyone chooses from. Set a value that is no longer used to 'no longer in use': it stays on everything already recorded with it.</translation>
        </message>
        <message>
            <source>Bewaartermijnen</source>
            <translation>Retention periods</translation>
        </message>
    </context>
    <context>
        <name>AttendanceImportDialog</name>
        <message>
            <source>Presentielijst inlezen</source>
            <translation>Import sign-in list</translation>
        </message>
        <message>
            <source>Lees een presentielijst van %1 in uit Excel (.xlsx) of CSV. De eerste rij bevat de kolomnamen: datum, alias en eventueel rol (deelnemer of vrijwilliger). U ziet eerst alle rijen; alleen de goede rijen worden opgeslagen.</source>
            <translation>Import a sign-in list of %1 from Excel (.xlsx) or CSV. The first row holds the column names: datum (date), alias and optionally rol (deelnemer or vrijwilliger). You see all rows first; only the good rows are saved.</translation>
        </message>
        <message>
            <source>Nog geen bestand gekozen.</source>
            <translation>No file chosen yet.</translation>
        </message>
        <message>
            <source>&amp;Bestand kiezen...</source>
            <translation>Choose &amp;file...</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Presentielijst kiezen</source>
            <translation>Choose sign-in list</translation>
        </message>
        <message>
            <source>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</source>
            <translation>Excel or CSV (*.xlsx *.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>Bezig met lezen...</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <source>Lijst lezen...</source>
            <translation>Reading the list...</translation>
        </message>
        <message>
            <source>Presentielijst lezen</source>
            <translation>Reading sign-in list</translation>
        </message>
        <message numerus="yes">
            <source>%n rij is goed</source>
            <translation>
                <numerusform>%n row is good</numerusform>
                <numerusform>%n rows are good</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn goed</source>
            <translation>
                <numerusform>%n row is good</numerusform>
                <numerusform>%n rows are good</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rij is niet goed (rood, met de reden)</source>
            <translation>
                <numerusform>%n row is not good (red, with the reason)</numerusform>
                <numerusform>%n rows are not good (red, with the reason)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn niet goed (rood, met de reden)</source>
            <translation>
                <numerusform>%n row is not good (red, with the reason)</numerusform>
                <numerusform>%n rows are not good (red, with the reason)</numerusform>
            </translation>
        </message>
        <message>
            <source>Klik op Opslaan om de goede rijen op te slaan.</source>
            <translation>Click Save to save the good rows.</translation>
        </message>
        <message>
            <source>Er is niets om op te slaan. Verbeter het bestand en kies het opnieuw.</source>
            <translation>There is nothing to save. Correct the file and choose it again.</translation>
        </message>
        <message>
            <source>Aanwezigheid opslaan...</source>
            <translation>Saving attendance...</translation>
        </message>
        <message>
            <source>Presentielijst opslaan</source>
            <translation>Saving sign-in list</translation>
        </message>
        <message>
            <source>Het opslaan is gestopt. Wat al was opgeslagen, blijft bewaard; lees het bestand opnieuw in voor de rest.</source>
            <translation>Saving was stopped. What was already saved is kept; import the file again for the rest.</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>%n aanwezigheid opgeslagen.</source>
            <translation>
                <numerusform>%n attendance saved.</numerusform>
                <numerusform>%n attendances saved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n aanwezigheden opgeslagen.</source>
            <translation>
                <numerusform>%n attendance saved.</numerusform>
                <numerusform>%n attendances saved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe bijeenkomst aangemaakt.</source>
            <translation>
                <numerusform>%n new session created.</numerusform>
                <numerusform>%n new sessions created.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe bijeenkomsten aangemaakt.</source>
            <translation>
                <numerusform>%n new session created.</numerusform>
                <numerusform>%n new sessions created.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe inwoner toegevoegd (alleen met alias).</source>
            <translation>
                <numerusform>%n new resident added (alias only).</numerusform>
                <numerusform>%n new residents added (alias only).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe inwoners toegevoegd (alleen met alias).</source>
            <translation>
                <numerusform>%n new resident added (alias only).</numerusform>
                <numerusform>%n new residents added (alias only).</numerusform>
            </translation>
        </message>
        <message>
            <source>Het opslaan is gestopt; de rest is niet opgeslagen.</source>
            <translation>Saving was stopped; the rest has not been saved.</translation>
        </message>
        <message>
            <source>Deze rijen zijn niet opgeslagen:</source>
            <translation>These rows have not been saved:</translation>
        </message>
    </context>
    <context>
        <name>AttendancePreviewModel</name>
        <message>
            <source>Rij</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Goed</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>Niet goed</source>
            <translation>Not good</translation>
        </message>
    </context>
    <context>
        <name>Beheer</name>
        <message>
            <source>buurt</source>
            <translation>neighbourhood</translation>
        </message>
        <message>
            <source>vindplaats</source>
            <translation>venue</translation>
        </message>
        <message>
            <source>organisatie</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>dienst</source>
            <translation>service</translation>
        </message>
        <message>
            <source>activiteit</source>
            <translation>activity</translation>
        </message>
        <message>
            <source>doelgroep</source>
            <translation>target group</translation>
        </message>
        <message>
            <source>onderwerp</source>
            <translation>topic</translation>
        </message>
        <message>
            <source>spoor</source>
            <translation>track</translation>
        </message>
        <message>
            <source>programmalijn</source>
            <translation>programme line</translation>
        </message>
        <message>
            <source>Buurten</source>
            <translation>Neighbourhoods</translation>
        </message>
        <message>
            <source>Vindplaatsen</source>
            <translation>Venues</translation>
        </message>
        <message>
            <source>Organisaties</source>
            <translation>Organisations</translation>
        </message>
        <message>
            <source>Diensten</source>
            <translation>Services</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Doelgroepen</source>
            <translation>Target groups</translation>
        </message>
        <message>
            <source>Onderwerpen</source>
            <translation>Topics</translation>
        </message>
        <message>
            <source>Sporen</source>
            <translation>Tracks</translation>
        </message>
        <message>
            <source>Programmalijnen</source>
            <translation>Programme lines</translation>
        </message>
    </context>
    <context>
        <name>BoardColumn</name>
        <message>
            <source>de %1 laatste</source>
            <translation>the last %1</translation>
        </message>
        <message numerus="yes">
            <source>%n te laat</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BugDialog</name>
        <message>
            <source>Er ging iets mis</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>Sorry, er ging iets mis in Gezond Desktop. Wat u al had opgeslagen, is bewaard. Probeer het nog eens. Gebeurt het opnieuw, kopieer dan de details en stuur ze naar uw beheerder.</source>
            <translation>Sorry, something went wrong in Gezond Desktop. What you had already saved is kept. Please try again. If it happens again, copy the details and send them to your administrator.</translation>
        </message>
        <message>
            <source>Details kopiëren</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>De details staan nu op het klembord.</source>
            <translation>The details are now on the clipboard.</translation>
        </message>
    </context>
    <context>
        <name>ChipGroup</name>
        <message>
            <source>Toets %1 of spatie om aan of uit te zetten</source>
            <translation>Press %1 or space to switch on or off</translation>
        </message>
    </context>
    <context>
        <name>ChipList</name>
        <message>
            <source>Klik, of toets Delete, om %1 weg te halen</source>
            <translation>Click, or press Delete, to remove %1</translation>
        </message>
        <message>
            <source>%1, weghalen</source>
            <translation>%1, remove</translation>
        </message>
    </context>
    <context>
        <name>Common</name>
        <message>
            <source>Nog niet gesynchroniseerd</source>
            <translation>Not synchronised yet</translation>
        </message>
        <message>
            <source>Laatst gesynchroniseerd: %1</source>
            <translation>Last synchronised: %1</translation>
        </message>
        <message>
            <source>Niet-gedeelde wijzigingen: onbekend</source>
            <translation>Changes not shared yet: unknown</translation>
        </message>
        <message>
            <source>Niet-gedeelde wijzigingen: %1</source>
            <translation>Changes not shared yet: %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Conflict bekijken</source>
            <translation>Review conflict</translation>
        </message>
        <message>
            <source>Twee computers hebben dit tegelijk veranderd. De app heeft links gekozen; de andere waarde is bewaard. Kies welke waarde blijft. Uw keuze gaat bij de volgende synchronisatie naar alle computers.</source>
            <translation>Two computers changed this at the same time. The app chose the left one; the other value is kept. Choose which value stays. Your choice goes to all computers at the next synchronisation.</translation>
        </message>
        <message>
            <source>Nu in gebruik</source>
            <translation>In use now</translation>
        </message>
        <message>
            <source>Andere waarde</source>
            <translation>Other value</translation>
        </message>
        <message>
            <source>Door:</source>
            <translation>By:</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>Wanneer:</source>
            <translation>When:</translation>
        </message>
        <message>
            <source>Computer:</source>
            <translation>Computer:</translation>
        </message>
        <message>
            <source>Deze &amp;houden</source>
            <translation>&amp;Keep this one</translation>
        </message>
        <message>
            <source>Deze h&amp;ouden</source>
            <translation>K&amp;eep this one</translation>
        </message>
        <message>
            <source>Deze statusstap past niet in de volgorde. Zet de verwijzing zo nodig met een nieuwe stap goed.</source>
            <translation>This status step does not fit the order. If needed, correct the referral with a new step.</translation>
        </message>
        <message>
            <source>Deze dubbele aanwezigheid is al samengevoegd.</source>
            <translation>This double attendance has already been merged.</translation>
        </message>
        <message>
            <source>Later beslissen</source>
            <translation>Decide later</translation>
        </message>
        <message>
            <source>Keuze opslaan</source>
            <translation>Saving your choice</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <source>Wat</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Nu in gebruik</source>
            <translation>In use now</translation>
        </message>
        <message>
            <source>Andere waarde</source>
            <translation>Other value</translation>
        </message>
        <message>
            <source>Gevonden op</source>
            <translation>Found on</translation>
        </message>
    </context>
    <context>
        <name>ConsentDialog</name>
        <message>
            <source>Toestemming vastleggen</source>
            <translation>Record consent</translation>
        </message>
        <message>
            <source>&amp;Waarvoor:</source>
            <translation>&amp;Purpose:</translation>
        </message>
        <message>
            <source>&amp;Gegeven op:</source>
            <translation>&amp;Given on:</translation>
        </message>
        <message>
            <source>Vastleggen</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ContactsPage</name>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Contacten</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Alle contacten</source>
            <translation>All contacts</translation>
        </message>
        <message>
            <source>Enter of dubbelklik: aanpassen. Delete: verwijderen.</source>
            <translation>Enter or double-click: edit. Delete: remove.</translation>
        </message>
        <message>
            <source>&amp;Aanpassen</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>Verwij&amp;deren...</source>
            <translation>&amp;Delete...</translation>
        </message>
        <message>
            <source>Er is een niet-opgeslagen contact gevonden van %1. Terugzetten?</source>
            <translation>An unsaved contact from %1 was found. Restore it?</translation>
        </message>
        <message>
            <source>Alle buurten</source>
            <translation>All neighbourhoods</translation>
        </message>
        <message>
            <source>Alle vindplaatsen</source>
            <translation>All venues</translation>
        </message>
        <message>
            <source>Alle medewerkers</source>
            <translation>All workers</translation>
        </message>
        <message>
            <source>Alle onderwerpen</source>
            <translation>All topics</translation>
        </message>
        <message>
            <source>Zoek in notities en vindplaatsen (Ctrl+F)</source>
            <translation>Search notes and venues (Ctrl+F)</translation>
        </message>
        <message>
            <source>Filters wissen</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>Van</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Tot en met</source>
            <translation>Up to and including</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>&amp;Zoeken</source>
            <translation>Sear&amp;ch</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Zoeken...</source>
            <translation>Searching...</translation>
        </message>
        <message>
            <source>Contacten zoeken</source>
            <translation>Searching contacts</translation>
        </message>
        <message>
            <source>Meer dan %1 contacten (tellen...)</source>
            <translation>More than %1 contacts (counting...)</translation>
        </message>
        <message>
            <source>Meer dan %1 contacten</source>
            <translation>More than %1 contacts</translation>
        </message>
        <message>
            <source>Contacten tellen</source>
            <translation>Counting contacts</translation>
        </message>
        <message>
            <source>1 contact</source>
            <translation>1 contact</translation>
        </message>
        <message>
            <source>%1 contacten</source>
            <translation>%1 contacts</translation>
        </message>
        <message>
            <source>Contact aanpassen</source>
            <translation>Edit contact</translation>
        </message>
        <message>
            <source>In het formulier staat een contact dat nog niet is opgeslagen. Wilt u dat weggooien en dit contact openen?</source>
            <translation>The form holds a contact that has not been saved. Throw it away and open this contact?</translation>
        </message>
        <message>
            <source>Contact verwijderen</source>
            <translation>Delete contact</translation>
        </message>
        <message>
            <source>Het contact van %1 verwijderen? Het telt dan niet meer mee in de overzichten.</source>
            <translation>Delete the contact of %1? It will no longer count in the overviews.</translation>
        </message>
        <message>
            <source>Verwijderen lukte niet</source>
            <translation>Deleting did not work</translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message>
            <source>Contacten</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Inwoners</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Bijeenkomsten</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Deelnames</source>
            <translation>Participations</translation>
        </message>
        <message>
            <source>Buurten</source>
            <translation>Neighbourhoods</translation>
        </message>
    </context>
    <context>
        <name>CountsForm</name>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
    </context>
    <context>
        <name>CreateTeamDialog</name>
        <message>
            <source>Nieuw team maken</source>
            <translation>Create a new team</translation>
        </message>
        <message>
            <source>Kies een lege map die alle computers van het team kunnen bereiken: een netwerkschijf, een gedeelde cloudmap of een USB-stick. Daar komen de gedeelde gegevens, versleuteld. De app maakt ook een uitnodigingsbestand. Bewaar dat buiten de gedeelde map en geef het alleen aan collega's van het team.</source>
            <translation>Choose an empty folder that every computer of the team can reach: a network drive, a shared cloud folder or a USB stick. The shared data goes there, encrypted. The app also makes an invitation file. Keep it outside the shared folder and give it only to colleagues in the team.</translation>
        </message>
        <message>
            <source>Gedeelde &amp;map:</source>
            <translation>Shared &amp;folder:</translation>
        </message>
        <message>
            <source>&amp;Uitnodiging opslaan als:</source>
            <translation>Save &amp;invitation as:</translation>
        </message>
        <message>
            <source>Team &amp;maken</source>
            <translation>&amp;Create team</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Gedeelde map kiezen</source>
            <translation>Choose the shared folder</translation>
        </message>
        <message>
            <source>Uitnodiging opslaan</source>
            <translation>Save invitation</translation>
        </message>
        <message>
            <source>Uitnodiging (*.json)</source>
            <translation>Invitation (*.json)</translation>
        </message>
        <message>
            <source>Kies de gedeelde map waar de gegevens van het team komen.</source>
            <translation>Choose the shared folder for the team's data.</translation>
        </message>
        <message>
            <source>Dit is een bestand, geen map. Kies een map.</source>
            <translation>This is a file, not a folder. Choose a folder.</translation>
        </message>
        <message>
            <source>Kies waar het uitnodigingsbestand wordt opgeslagen.</source>
            <translation>Choose where the invitation file is saved.</translation>
        </message>
        <message>
            <source>Bewaar de uitnodiging niet in de gedeelde map: wie die map kan openen, kan dan alles lezen. Kies een andere plek.</source>
            <translation>Do not keep the invitation in the shared folder: anyone who can open that folder could then read everything. Choose another place.</translation>
        </message>
        <message>
            <source>Deze map bestaat niet. Kies een andere plek voor de uitnodiging.</source>
            <translation>This folder does not exist. Choose another place for the invitation.</translation>
        </message>
        <message>
            <source>Team maken</source>
            <translation>Creating the team</translation>
        </message>
    </context>
    <context>
        <name>DraftBanner</name>
        <message>
            <source>&amp;Terugzetten</source>
            <translation>&amp;Restore</translation>
        </message>
        <message>
            <source>&amp;Weggooien</source>
            <translation>&amp;Discard</translation>
        </message>
    </context>
    <context>
        <name>Drafts</name>
        <message>
            <source>vandaag om %1</source>
            <translation>today at %1</translation>
        </message>
        <message>
            <source>gisteren om %1</source>
            <translation>yesterday at %1</translation>
        </message>
        <message>
            <source>%1 om %2</source>
            <translation>%1 at %2</translation>
        </message>
    </context>
    <context>
        <name>EncounterForm</name>
        <message>
            <source>Nieuw contact</source>
            <translation>New contact</translation>
        </message>
        <message>
            <source>Stoppen met aanpassen</source>
            <translation>Stop editing</translation>
        </message>
        <message>
            <source>&amp;Datum en tijd</source>
            <translation>&amp;Date and time</translation>
        </message>
        <message>
            <source>&amp;Soort contact</source>
            <translation>&amp;Kind of contact</translation>
        </message>
        <message>
            <source>(geen buurt)</source>
            <translation>(no neighbourhood)</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Neighbourhood</translation>
        </message>
        <message>
            <source>(geen vindplaats)</source>
            <translation>(no venue)</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Venue</translation>
        </message>
        <message>
            <source>Anoniem: alleen het aantal. Kies hieronder inwoners als u ze kent.</source>
            <translation>Anonymous: only the number. Choose residents below if you know them.</translation>
        </message>
        <message>
            <source>Aantal &amp;mensen</source>
            <translation>Number of &amp;people</translation>
        </message>
        <message>
            <source>&amp;Inwoners</source>
            <translation>&amp;Residents</translation>
        </message>
        <message>
            <source>&amp;Onderwerpen</source>
            <translation>&amp;Topics</translation>
        </message>
        <message>
            <source>S&amp;poren</source>
            <translation>Trac&amp;ks</translation>
        </message>
        <message>
            <source>Wat is er besproken? Schrijf geen namen of gegevens die u niet nodig heeft.</source>
            <translation>What was discussed? Do not write names or details you do not need.</translation>
        </message>
        <message>
            <source>&amp;Notitie</source>
            <translation>N&amp;ote</translation>
        </message>
        <message>
            <source>Ja, op</source>
            <translation>Yes, on</translation>
        </message>
        <message>
            <source>Opvo&amp;lgen</source>
            <translation>Fo&amp;llow up</translation>
        </message>
        <message>
            <source>Opslaan (Ctrl+Enter)</source>
            <translation>Save (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Leegmaken</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Contact aanpassen</source>
            <translation>Edit contact</translation>
        </message>
        <message>
            <source>U past het contact van %1 aan.</source>
            <translation>You are editing the contact of %1.</translation>
        </message>
        <message>
            <source>Deze buurt staat niet in de lijst. Kies een buurt uit de lijst, of maak het veld leeg.</source>
            <translation>This neighbourhood is not in the list. Choose one from the list, or empty the field.</translation>
        </message>
        <message>
            <source>Deze vindplaats staat niet in de lijst. Kies een vindplaats uit de lijst, of maak het veld leeg.</source>
            <translation>This venue is not in the list. Choose one from the list, or empty the field.</translation>
        </message>
        <message>
            <source>Deze inwoner is nog niet gekozen. Kies een inwoner uit de lijst (Enter), of maak het veld leeg.</source>
            <translation>This resident has not been chosen yet. Choose a resident from the list (Enter), or empty the field.</translation>
        </message>
        <message>
            <source>Contact aangepast (%1).</source>
            <translation>Contact changed (%1).</translation>
        </message>
        <message>
            <source>Contact opgeslagen (%1). U kunt het volgende contact invullen.</source>
            <translation>Contact saved (%1). You can fill in the next contact.</translation>
        </message>
    </context>
    <context>
        <name>EncounterListModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Aantal</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Onderwerpen</source>
            <translation>Topics</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>Opvolgen</source>
            <translation>Follow up</translation>
        </message>
        <message>
            <source>Notitie</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>Gegevens wissen</source>
            <translation>Erase details</translation>
        </message>
        <message>
            <source>U wist de persoonlijke gegevens van %1: naam, telefoonnummer, e-mailadres en notities, en ook de notities bij contacten en verwijzingen van deze inwoner. Dat gebeurt op deze computer, in de hub en op de andere apparaten zodra die synchroniseren.

Wat blijft: de contacten, deelnames en verwijzingen zelf, met buurt, geboortejaar en doelgroepen, zodat de aantallen in de rapportages kloppen. De inwoner krijgt een nieuwe naam zonder betekenis.

Dit kan niet ongedaan worden gemaakt.</source>
            <translation>You are erasing the personal details of %1: name, phone number, e-mail address and notes, and also the notes on this resident's contacts and referrals. This happens on this computer, on the hub and on the other devices as soon as they synchronise.

What stays: the contacts, attendances and referrals themselves, with neighbourhood, birth year and target groups, so the figures in the reports stay correct. The resident gets a new name without meaning.

This cannot be undone.</translation>
        </message>
        <message>
            <source>Gegevens &amp;wissen</source>
            <translation>&amp;Erase details</translation>
        </message>
        <message>
            <source>Reden (zonder namen):</source>
            <translation>Reason (no names):</translation>
        </message>
        <message>
            <source>Verzoek van de inwoner</source>
            <translation>Request of the resident</translation>
        </message>
        <message>
            <source>Toestemming ingetrokken</source>
            <translation>Consent withdrawn</translation>
        </message>
        <message>
            <source>Gegevens niet meer nodig</source>
            <translation>Details no longer needed</translation>
        </message>
        <message>
            <source>Wissen lukte niet</source>
            <translation>Erasing failed</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Dat lukte niet</source>
            <translation>That did not work</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Deze map lijkt in een cloudmap te staan (zoals OneDrive of Dropbox). Het synchroniseren daarvan kan de gegevens beschadigen. Kies liever een map op deze computer.</source>
            <translation>This folder seems to be in a cloud folder (such as OneDrive or Dropbox). Syncing it can damage the data. Better choose a folder on this computer.</translation>
        </message>
        <message>
            <source>Deze map staat op een netwerkschijf. Als de verbinding wegvalt, kunnen gegevens verloren gaan. Kies liever een map op deze computer.</source>
            <translation>This folder is on a network drive. If the connection drops, data can be lost. Better choose a folder on this computer.</translation>
        </message>
        <message>
            <source>Welkom bij Gezond Desktop</source>
            <translation>Welcome to Gezond Desktop</translation>
        </message>
        <message>
            <source>Vertel wie er op deze computer werkt. U kunt dit later nog wijzigen.</source>
            <translation>Tell us who works on this computer. You can change this later.</translation>
        </message>
        <message>
            <source>Kies uw rol</source>
            <translation>Choose your role</translation>
        </message>
        <message>
            <source>Geen organisatie</source>
            <translation>No organisation</translation>
        </message>
        <message>
            <source>Wijzigen...</source>
            <translation>Change...</translation>
        </message>
        <message>
            <source>Uw naam:</source>
            <translation>Your name:</translation>
        </message>
        <message>
            <source>Uw rol:</source>
            <translation>Your role:</translation>
        </message>
        <message>
            <source>Organisatie:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Gebruikersnaam om aan te melden:</source>
            <translation>Username to sign in:</translation>
        </message>
        <message>
            <source>Wachtwoord:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Wachtwoord nogmaals:</source>
            <translation>Password again:</translation>
        </message>
        <message>
            <source>Naam van deze computer:</source>
            <translation>Name of this computer:</translation>
        </message>
        <message>
            <source>Map voor de gegevens:</source>
            <translation>Data folder:</translation>
        </message>
        <message>
            <source>Beginnen</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Kies een map voor de gegevens</source>
            <translation>Choose a folder for the data</translation>
        </message>
        <message>
            <source>Vul uw naam in.</source>
            <translation>Enter your name.</translation>
        </message>
        <message>
            <source>Kies uw rol.</source>
            <translation>Choose your role.</translation>
        </message>
        <message>
            <source>Vul een naam in voor deze computer.</source>
            <translation>Enter a name for this computer.</translation>
        </message>
        <message>
            <source>Kies een map voor de gegevens.</source>
            <translation>Choose a folder for the data.</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe waarde toegevoegd.</source>
            <translation>
                <numerusform>%n new value added.</numerusform>
                <numerusform>%n new values added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe waarden toegevoegd.</source>
            <translation>
                <numerusform>%n new value added.</numerusform>
                <numerusform>%n new values added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bestaande waarde bijgewerkt.</source>
            <translation>
                <numerusform>%n existing value updated.</numerusform>
                <numerusform>%n existing values updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bestaande waarden bijgewerkt.</source>
            <translation>
                <numerusform>%n existing value updated.</numerusform>
                <numerusform>%n existing values updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stond er al en is niet veranderd.</source>
            <translation>
                <numerusform>%n was already there and has not changed.</numerusform>
                <numerusform>%n were already there and have not changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stonden er al en zijn niet veranderd.</source>
            <translation>
                <numerusform>%n was already there and has not changed.</numerusform>
                <numerusform>%n were already there and have not changed.</numerusform>
            </translation>
        </message>
        <message>
            <source>Het inlezen is gestopt. Wat tot dan toe is ingelezen, is opgeslagen.</source>
            <translation>The import was stopped. What was imported until then has been saved.</translation>
        </message>
        <message numerus="yes">
            <source>%n rij is niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</source>
            <translation>
                <numerusform>%n row has not been saved. Correct it and import the file again.</numerusform>
                <numerusform>%n rows have not been saved. Correct them and import the file again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</source>
            <translation>
                <numerusform>%n row has not been saved. Correct it and import the file again.</numerusform>
                <numerusform>%n rows have not been saved. Correct them and import the file again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Alle rijen zijn goed ingelezen.</source>
            <translation>All rows were imported.</translation>
        </message>
    </context>
    <context>
        <name>JoinTeamDialog</name>
        <message>
            <source>Aansluiten bij een team</source>
            <translation>Join a team</translation>
        </message>
        <message>
            <source>Uw coördinator geeft u een uitnodigingsbestand (bijvoorbeeld op een USB-stick). Kies dat bestand. Daarna deelt deze computer zijn gegevens met het team.</source>
            <translation>Your coordinator gives you an invitation file (for example on a USB stick). Choose that file. This computer then shares its data with the team.</translation>
        </message>
        <message>
            <source>&amp;Uitnodiging:</source>
            <translation>&amp;Invitation:</translation>
        </message>
        <message>
            <source>&amp;Aansluiten</source>
            <translation>&amp;Join</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Uitnodiging kiezen</source>
            <translation>Choose the invitation</translation>
        </message>
        <message>
            <source>Uitnodiging (*.json);;Alle bestanden (*)</source>
            <translation>Invitation (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Kies het uitnodigingsbestand dat u van uw coördinator kreeg.</source>
            <translation>Choose the invitation file you received from your coordinator.</translation>
        </message>
        <message>
            <source>Dit bestand bestaat niet. Kies het uitnodigingsbestand opnieuw.</source>
            <translation>This file does not exist. Choose the invitation file again.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Community builder</source>
            <translation>Community builder</translation>
        </message>
        <message>
            <source>Sleutelfiguur</source>
            <translation>Key figure</translation>
        </message>
        <message>
            <source>Welzijnscoach</source>
            <translation>Welfare coach</translation>
        </message>
        <message>
            <source>Coördinator</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <source>Beheerder</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Babycafé (Sjpruutcafé)</source>
            <translation>Baby café (Sjpruutcafé)</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Sportaccommodatie</source>
            <translation>Sports centre</translation>
        </message>
        <message>
            <source>Huisartsenpraktijk</source>
            <translation>GP practice</translation>
        </message>
        <message>
            <source>Consultatiebureau</source>
            <translation>Child health clinic</translation>
        </message>
        <message>
            <source>Buurthuis / buurtkamer</source>
            <translation>Community centre / neighbourhood room</translation>
        </message>
        <message>
            <source>Moskee / cultureel centrum</source>
            <translation>Mosque / cultural centre</translation>
        </message>
        <message>
            <source>Op straat</source>
            <translation>On the street</translation>
        </message>
        <message>
            <source>Leefstijlloket</source>
            <translation>Lifestyle desk</translation>
        </message>
        <message>
            <source>Huisbezoek</source>
            <translation>Home visit</translation>
        </message>
        <message>
            <source>Anders</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Welzijnsorganisatie</source>
            <translation>Welfare organisation</translation>
        </message>
        <message>
            <source>Gezondheidsdienst</source>
            <translation>Health service</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Woningcorporatie</source>
            <translation>Housing corporation</translation>
        </message>
        <message>
            <source>Sport</source>
            <translation>Sport</translation>
        </message>
        <message>
            <source>Stichting / fonds</source>
            <translation>Foundation / fund</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Groep</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Niet vastgelegd</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>Vrouw</source>
            <translation>Woman</translation>
        </message>
        <message>
            <source>Man</source>
            <translation>Man</translation>
        </message>
        <message>
            <source>Welzijn op Recept</source>
            <translation>Welzijn op Recept (social prescribing)</translation>
        </message>
        <message>
            <source>Huisarts</source>
            <translation>GP</translation>
        </message>
        <message>
            <source>Praktijkondersteuner (POH-GGZ)</source>
            <translation>Practice nurse (POH-GGZ)</translation>
        </message>
        <message>
            <source>Wijkteam</source>
            <translation>Neighbourhood team</translation>
        </message>
        <message>
            <source>Inwoner zelf</source>
            <translation>Resident themselves</translation>
        </message>
        <message>
            <source>Aangemeld</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Contact gelegd</source>
            <translation>Contact made</translation>
        </message>
        <message>
            <source>Bij intake</source>
            <translation>At intake</translation>
        </message>
        <message>
            <source>Loopt</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Straat / pop-up</source>
            <translation>Street / pop-up</translation>
        </message>
        <message>
            <source>Op een vindplaats</source>
            <translation>At a venue</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>Afgerond</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Gestopt</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>Niet bereikt</source>
            <translation>Not reached</translation>
        </message>
        <message>
            <source>Meedoen aan een activiteit</source>
            <translation>Taking part in an activity</translation>
        </message>
        <message>
            <source>Vrijwilligerswerk</source>
            <translation>Volunteering</translation>
        </message>
        <message>
            <source>Hulp of dienst van een organisatie</source>
            <translation>Help or service from an organisation</translation>
        </message>
        <message>
            <source>Cursus of training</source>
            <translation>Course or training</translation>
        </message>
        <message>
            <source>Geen verdere hulp nodig</source>
            <translation>No further help needed</translation>
        </message>
        <message>
            <source>Bij afsluiten</source>
            <translation>At closing</translation>
        </message>
        <message>
            <source>Deelnemer</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>Vrijwilliger</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>Elke week</source>
            <translation>Every week</translation>
        </message>
        <message>
            <source>Om de week</source>
            <translation>Every other week</translation>
        </message>
        <message>
            <source>Elke maand</source>
            <translation>Every month</translation>
        </message>
        <message>
            <source>Eenmalig</source>
            <translation>Once</translation>
        </message>
        <message>
            <source>Onregelmatig</source>
            <translation>Irregular</translation>
        </message>
        <message>
            <source>Vastleggen van gegevens</source>
            <translation>Recording of details</translation>
        </message>
        <message>
            <source>Opvolgen van een verwijzing</source>
            <translation>Following up a referral</translation>
        </message>
        <message>
            <source>Contact opnemen</source>
            <translation>Getting in touch</translation>
        </message>
        <message>
            <source>Lichaamsfuncties</source>
            <translation>Bodily functions</translation>
        </message>
        <message>
            <source>Mentaal welbevinden</source>
            <translation>Mental wellbeing</translation>
        </message>
        <message>
            <source>Zingeving</source>
            <translation>Meaningfulness</translation>
        </message>
        <message>
            <source>Kwaliteit van leven</source>
            <translation>Quality of life</translation>
        </message>
        <message>
            <source>Meedoen</source>
            <translation>Participation</translation>
        </message>
        <message>
            <source>Dagelijks functioneren</source>
            <translation>Daily functioning</translation>
        </message>
        <message>
            <source>maandag</source>
            <translation>Monday</translation>
        </message>
        <message>
            <source>dinsdag</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <source>woensdag</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <source>donderdag</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <source>vrijdag</source>
            <translation>Friday</translation>
        </message>
        <message>
            <source>zaterdag</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <source>zondag</source>
            <translation>Sunday</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Gezond Desktop is vergrendeld</source>
            <translation>Gezond Desktop is locked</translation>
        </message>
        <message>
            <source>U was een tijdje niet actief. Vul uw wachtwoord in om verder te werken als %1.</source>
            <translation>You have been inactive for a while. Enter your password to continue as %1.</translation>
        </message>
        <message>
            <source>Wachtwoord</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Ontgrendelen</source>
            <translation>Unlock</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Gezond Desktop</source>
            <translation>Gezond Desktop</translation>
        </message>
        <message>
            <source>&amp;Bestand</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Nieuw contact</source>
            <translation>New contact</translation>
        </message>
        <message>
            <source>Zoeken</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Afsluiten</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>&amp;Ga naar</source>
            <translation>&amp;Go to</translation>
        </message>
        <message>
            <source>&amp;Instellingen</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>Taal en voorkeuren...</source>
            <translation>Language and preferences...</translation>
        </message>
        <message>
            <source>Niemand aangemeld</source>
            <translation>Nobody signed in</translation>
        </message>
        <message>
            <source>Medewerker: %1 (%2)</source>
            <translation>Worker: %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Mijn taken</source>
            <translation>My tasks</translation>
        </message>
        <message>
            <source>Contacten</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Inwoners</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Rapportages</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Synchronisatie</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Beheer</source>
            <translation>Management</translation>
        </message>
        <message>
            <source>Accounts en audit</source>
            <translation>Accounts and audit</translation>
        </message>
    </context>
    <context>
        <name>NewReferralDialog</name>
        <message>
            <source>&amp;Verwijzing opslaan</source>
            <translation>&amp;Save referral</translation>
        </message>
        <message>
            <source>Nieuwe verwijzing</source>
            <translation>New referral</translation>
        </message>
        <message>
            <source>Nog geen inwoner gekozen</source>
            <translation>No resident chosen yet</translation>
        </message>
        <message>
            <source>Nieuwe &amp;inwoner...</source>
            <translation>New &amp;resident...</translation>
        </message>
        <message>
            <source>In&amp;woner</source>
            <translation>Re&amp;sident</translation>
        </message>
        <message>
            <source>&amp;Route</source>
            <translation>&amp;Route</translation>
        </message>
        <message>
            <source>Verwezen &amp;door</source>
            <translation>Referred &amp;by</translation>
        </message>
        <message>
            <source>Geen vindplaats</source>
            <translation>No venue</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Venue</translation>
        </message>
        <message>
            <source>Geen organisatie</source>
            <translation>No organisation</translation>
        </message>
        <message>
            <source>Verwijzende &amp;organisatie</source>
            <translation>Referring &amp;organisation</translation>
        </message>
        <message>
            <source>Nog niemand</source>
            <translation>Nobody yet</translation>
        </message>
        <message>
            <source>&amp;Coach</source>
            <translation>&amp;Coach</translation>
        </message>
        <message>
            <source>&amp;Aangemeld op</source>
            <translation>Re&amp;gistered on</translation>
        </message>
        <message>
            <source>O&amp;pvolgen op</source>
            <translation>Follo&amp;w up on</translation>
        </message>
        <message>
            <source>R&amp;eden van verwijzing</source>
            <translation>R&amp;eason for referral</translation>
        </message>
        <message>
            <source>Kort, in de woorden van de inwoner</source>
            <translation>Briefly, in the resident's own words</translation>
        </message>
        <message>
            <source>&amp;Bestemmingen (organisaties en activiteiten)</source>
            <translation>&amp;Destinations (organisations and activities)</translation>
        </message>
        <message>
            <source>Zoek in de lijst</source>
            <translation>Search the list</translation>
        </message>
        <message>
            <source>%1 (organisatie)</source>
            <translation>%1 (organisation)</translation>
        </message>
        <message>
            <source>%1 (activiteit)</source>
            <translation>%1 (activity)</translation>
        </message>
        <message>
            <source>&amp;Scores Positieve Gezondheid bij intake</source>
            <translation>Positive Health &amp;scores at intake</translation>
        </message>
        <message>
            <source>Gekozen: %1</source>
            <translation>Chosen: %1</translation>
        </message>
        <message>
            <source>Kies de inwoner die wordt verwezen: typ een deel van de schuilnaam en druk op Enter, of kies 'Nieuwe inwoner'.</source>
            <translation>Choose the resident who is referred: type part of the alias and press Enter, or choose 'New resident'.</translation>
        </message>
        <message>
            <source>Kies een naam uit de lijst, of maak het veld leeg.</source>
            <translation>Choose a name from the list, or empty the field.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <source>Wat</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Bestand</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Wacht op een nieuwere app</source>
            <translation>Waiting for a newer app</translation>
        </message>
        <message>
            <source>Apart gezet</source>
            <translation>Set aside</translation>
        </message>
    </context>
    <context>
        <name>PurgeConfirmDialog</name>
        <message>
            <source>Opschonen</source>
            <translation>Clean up</translation>
        </message>
        <message numerus="yes">
            <source>De bewaartermijn van %n inwoner(s) is verstreken. Van hen worden de naam, het telefoonnummer, het e-mailadres en alle notities gewist, op deze computer, in de hub en op de andere apparaten zodra die synchroniseren. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen in de rapportages kloppen.

Dit kan niet ongedaan worden gemaakt.</source>
            <translation>
                <numerusform>The retention period of %n resident has passed. Their name, phone number, e-mail address and all notes are erased, on this computer, on the hub and on the other devices as soon as they synchronise. The contacts, attendances and referrals themselves stay, so the figures in the reports stay correct.

This cannot be undone.</numerusform>
                <numerusform>The retention period of %n residents has passed. Their names, phone numbers, e-mail addresses and all notes are erased, on this computer, on the hub and on the other devices as soon as they synchronise. The contacts, attendances and referrals themselves stay, so the figures in the reports stay correct.

This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nu &amp;opschonen</source>
            <translation>Clean &amp;up now</translation>
        </message>
    </context>
    <context>
        <name>PurgePreviewModel</name>
        <message>
            <source>Inwoner</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Laatste datum</source>
            <translation>Last date</translation>
        </message>
        <message>
            <source>Termijn verstreken op</source>
            <translation>Period ended on</translation>
        </message>
        <message>
            <source>Geen contact meer</source>
            <translation>No contact any more</translation>
        </message>
        <message>
            <source>Verwijzing afgesloten</source>
            <translation>Referral closed</translation>
        </message>
    </context>
    <context>
        <name>RecoverPasswordDialog</name>
        <message>
            <source>Wachtwoord vergeten</source>
            <translation>Forgotten password</translation>
        </message>
        <message>
            <source>Met de herstelsleutel van uw coördinator of beheerder kiest u een nieuw wachtwoord. Uw gegevens blijven bewaard.</source>
            <translation>With the recovery key from your coordinator or administrator you choose a new password. Your data is kept.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>&amp;Herstelsleutel:</source>
            <translation>&amp;Recovery key:</translation>
        </message>
        <message>
            <source>&amp;Nieuw wachtwoord:</source>
            <translation>&amp;New password:</translation>
        </message>
        <message>
            <source>Wachtwoord &amp;nogmaals:</source>
            <translation>Password &amp;again:</translation>
        </message>
        <message>
            <source>Nieuw wachtwoord instellen</source>
            <translation>Set new password</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Herstelsleutel</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>Dit is de herstelsleutel van deze computer. Wie zijn wachtwoord vergeet, kiest hiermee een nieuw wachtwoord zonder gegevens te verliezen.</source>
            <translation>This is the recovery key of this computer. Someone who forgets their password can use it to choose a new password without losing data.</translation>
        </message>
        <message>
            <source>Print dit of schrijf het op en bewaar het op een veilige plek, niet bij de computer. U ziet deze sleutel maar één keer. Een eerdere herstelsleutel werkt niet meer.</source>
            <translation>Print this or write it down and keep it in a safe place, not near the computer. You see this key only once. An earlier recovery key no longer works.</translation>
        </message>
        <message>
            <source>Ik heb de herstelsleutel geprint of opgeschreven</source>
            <translation>I have printed or written down the recovery key</translation>
        </message>
        <message>
            <source>Klaar</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>RefEditDialog</name>
        <message>
            <source>%1 wijzigen</source>
            <translation>Edit %1</translation>
        </message>
        <message>
            <source>Nieuwe %1</source>
            <translation>New %1</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>Na&amp;me</translation>
        </message>
        <message>
            <source>leeg laten: wordt gemaakt uit de naam</source>
            <translation>leave empty: made from the name</translation>
        </message>
        <message>
            <source>&amp;Code</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <source>&amp;Gemeente</source>
            <translation>&amp;Municipality</translation>
        </message>
        <message>
            <source>&amp;Focusbuurt</source>
            <translation>&amp;Focus neighbourhood</translation>
        </message>
        <message>
            <source>(kies)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>&amp;Soort</source>
            <translation>&amp;Kind</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Neighbourhood</translation>
        </message>
        <message>
            <source>&amp;Organisatie</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>RefPanel</name>
        <message>
            <source>&amp;Toevoegen</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Wijzigen</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>Niet meer in gebr&amp;uik</source>
            <translation>No longer in &amp;use</translation>
        </message>
        <message>
            <source>I&amp;mporteren uit CSV of Excel...</source>
            <translation>I&amp;mport from CSV or Excel...</translation>
        </message>
        <message>
            <source>Weer in gebr&amp;uik</source>
            <translation>In &amp;use again</translation>
        </message>
        <message>
            <source>%1 is opgeslagen.</source>
            <translation>%1 has been saved.</translation>
        </message>
        <message>
            <source>%1 is niet meer in gebruik: u kunt het niet meer kiezen bij nieuwe gegevens. Wat er al mee is vastgelegd, houdt deze waarde.</source>
            <translation>%1 is no longer in use: it can no longer be chosen for new records. What was already recorded with it keeps this value.</translation>
        </message>
        <message>
            <source>%1 is weer in gebruik.</source>
            <translation>%1 is in use again.</translation>
        </message>
        <message>
            <source>%1 importeren</source>
            <translation>Import %1</translation>
        </message>
        <message>
            <source>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</source>
            <translation>Excel or CSV (*.xlsx *.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>%1 inlezen...</source>
            <translation>Importing %1...</translation>
        </message>
        <message>
            <source>Importeren lukte niet</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <source>Het importeren is gestopt.</source>
            <translation>The import was stopped.</translation>
        </message>
        <message>
            <source>%1 geïmporteerd</source>
            <translation>%1 imported</translation>
        </message>
    </context>
    <context>
        <name>RefTableModel</name>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>In gebruik</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>Niet meer in gebruik</source>
            <translation>No longer in use</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Focusbuurt</source>
            <translation>Focus neighbourhood</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>Reference</name>
        <message>
            <source>%1 (niet meer in gebruik)</source>
            <translation>%1 (no longer in use)</translation>
        </message>
    </context>
    <context>
        <name>ReferralColumnModel</name>
        <message>
            <source>Afgesloten %1</source>
            <translation>Closed %1</translation>
        </message>
        <message>
            <source>⚠ te laat: opvolgen %1</source>
            <translation>⚠ overdue: follow up %1</translation>
        </message>
        <message>
            <source>Opvolgen %1</source>
            <translation>Follow up %1</translation>
        </message>
        <message>
            <source>Aangemeld %1</source>
            <translation>Registered %1</translation>
        </message>
        <message>
            <source>Deze verwijzing had al opgevolgd moeten worden.</source>
            <translation>This referral should already have been followed up.</translation>
        </message>
    </context>
    <context>
        <name>ReferralDetailPanel</name>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Verwezen door:</source>
            <translation>Referred by:</translation>
        </message>
        <message>
            <source>Verwijzende organisatie:</source>
            <translation>Referring organisation:</translation>
        </message>
        <message>
            <source>Coach:</source>
            <translation>Coach:</translation>
        </message>
        <message>
            <source>Aangemeld op:</source>
            <translation>Registered on:</translation>
        </message>
        <message>
            <source>Opvolgen op:</source>
            <translation>Follow up on:</translation>
        </message>
        <message>
            <source>Reden:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>Bestemmingen:</source>
            <translation>Destinations:</translation>
        </message>
        <message>
            <source>Resultaat:</source>
            <translation>Outcome:</translation>
        </message>
        <message>
            <source>Volgende stap:</source>
            <translation>Next step:</translation>
        </message>
        <message>
            <source>Scores bij &amp;intake...</source>
            <translation>Scores at &amp;intake...</translation>
        </message>
        <message>
            <source>Scores bij &amp;afsluiten...</source>
            <translation>Scores at c&amp;losing...</translation>
        </message>
        <message>
            <source>Verloop</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Kies een verwijzing op het bord.</source>
            <translation>Choose a referral on the board.</translation>
        </message>
        <message>
            <source>nog niemand</source>
            <translation>nobody yet</translation>
        </message>
        <message>
            <source>⚠ %1 (te laat)</source>
            <translation>⚠ %1 (overdue)</translation>
        </message>
        <message>
            <source>Zet de status op '%1'</source>
            <translation>Set the status to '%1'</translation>
        </message>
        <message>
            <source>Deze verwijzing is afgesloten.</source>
            <translation>This referral is closed.</translation>
        </message>
        <message>
            <source>door %1</source>
            <translation>by %1</translation>
        </message>
        <message>
            <source>Scores bij &amp;intake wijzigen...</source>
            <translation>Change scores at &amp;intake...</translation>
        </message>
        <message>
            <source>Scores bij &amp;afsluiten wijzigen...</source>
            <translation>Change scores at c&amp;losing...</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <source>Verwijzingen</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>&amp;Nieuwe verwijzing...</source>
            <translation>&amp;New referral...</translation>
        </message>
        <message>
            <source>&amp;Zoek</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>Deel van de schuilnaam</source>
            <translation>Part of the alias</translation>
        </message>
        <message>
            <source>&amp;Coach</source>
            <translation>&amp;Coach</translation>
        </message>
        <message>
            <source>Alle coaches</source>
            <translation>All coaches</translation>
        </message>
        <message>
            <source>&amp;Route</source>
            <translation>&amp;Route</translation>
        </message>
        <message>
            <source>Alle routes</source>
            <translation>All routes</translation>
        </message>
        <message>
            <source>&amp;Bron</source>
            <translation>S&amp;ource</translation>
        </message>
        <message>
            <source>Alle bronnen</source>
            <translation>All sources</translation>
        </message>
        <message>
            <source>Alleen &amp;te laat</source>
            <translation>Only &amp;overdue</translation>
        </message>
        <message>
            <source>&amp;Afgesloten tonen</source>
            <translation>Show c&amp;losed</translation>
        </message>
        <message numerus="yes">
            <source>%n open verwijzing(en)</source>
            <translation>
                <numerusform>%n open referral</numerusform>
                <numerusform>%n open referrals</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n te laat</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RejectedRowsModel</name>
        <message>
            <source>Rij</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Rapportages</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Kies een rapport, een periode en eventueel filters. Bekijk het voorbeeld en sla het op als PDF, Excel of CSV. Elke export wordt vastgelegd.</source>
            <translation>Choose a report, a period and any filters. Look at the preview and save it as PDF, Excel or CSV. Every export is recorded.</translation>
        </message>
        <message>
            <source>&amp;Rapport:</source>
            <translation>&amp;Report:</translation>
        </message>
        <message>
            <source>tot en met</source>
            <translation>up to and including</translation>
        </message>
        <message>
            <source>Dit &amp;jaar</source>
            <translation>This &amp;year</translation>
        </message>
        <message>
            <source>Vorig &amp;kwartaal</source>
            <translation>Last &amp;quarter</translation>
        </message>
        <message>
            <source>Vorige &amp;maand</source>
            <translation>Last &amp;month</translation>
        </message>
        <message>
            <source>&amp;Periode:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>Filters (niets gekozen: alles)</source>
            <translation>Filters (nothing chosen: everything)</translation>
        </message>
        <message>
            <source>B&amp;uurt</source>
            <translation>Neighbour&amp;hood</translation>
        </message>
        <message>
            <source>Ac&amp;tiviteit</source>
            <translation>Ac&amp;tivity</translation>
        </message>
        <message>
            <source>Pro&amp;grammalijn</source>
            <translation>Pro&amp;gramme line</translation>
        </message>
        <message>
            <source>&amp;Spoor</source>
            <translation>Trac&amp;k</translation>
        </message>
        <message>
            <source>&amp;Doelgroep</source>
            <translation>Target gro&amp;up</translation>
        </message>
        <message>
            <source>&amp;Organisatie</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>&amp;Interne werkversie (exacte aantallen)</source>
            <translation>&amp;Internal working version (exact counts)</translation>
        </message>
        <message>
            <source>Let op: deze versie toont ook kleine aantallen (1 tot 4). Daardoor kunnen inwoners herkenbaar zijn. Alleen voor gebruik binnen de organisatie; dit staat ook op het rapport.</source>
            <translation>Note: this version also shows small counts (1 to 4), so residents may be recognisable. Only for use inside the organisation; this is printed on the report as well.</translation>
        </message>
        <message>
            <source>&amp;Voorbeeld tonen</source>
            <translation>Show pre&amp;view</translation>
        </message>
        <message>
            <source>Opslaan als P&amp;DF...</source>
            <translation>Save as P&amp;DF...</translation>
        </message>
        <message>
            <source>Opslaan als &amp;Excel...</source>
            <translation>Save as &amp;Excel...</translation>
        </message>
        <message>
            <source>Opslaan als &amp;CSV...</source>
            <translation>Save as &amp;CSV...</translation>
        </message>
        <message>
            <source>; (Nederlandse Excel)</source>
            <translation>; (Dutch Excel)</translation>
        </message>
        <message>
            <source>, (komma)</source>
            <translation>, (comma)</translation>
        </message>
        <message>
            <source>Scheidingsteken in het CSV-bestand</source>
            <translation>Separator in the CSV file</translation>
        </message>
        <message>
            <source>Scheidingste&amp;ken:</source>
            <translation>Sepa&amp;rator:</translation>
        </message>
        <message>
            <source>Ta&amp;bel:</source>
            <translation>Ta&amp;ble:</translation>
        </message>
        <message>
            <source>Aanwezigheid bij activiteiten</source>
            <translation>Attendance at activities</translation>
        </message>
        <message>
            <source>Bereik van inwoners</source>
            <translation>Reach of residents</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Positieve Gezondheid: intake en afsluiting</source>
            <translation>Positive Health: intake and closing</translation>
        </message>
        <message>
            <source>Programma-overzicht per focusbuurt</source>
            <translation>Programme overview per focus neighbourhood</translation>
        </message>
        <message>
            <source>Centrale export voor het programmateam</source>
            <translation>Central export for the programme team</translation>
        </message>
        <message>
            <source>De einddatum ligt voor de begindatum. Kies een latere einddatum.</source>
            <translation>The end date is before the start date. Choose a later end date.</translation>
        </message>
        <message>
            <source>Alleen een coördinator mag rapporten opslaan. U kunt wel het voorbeeld bekijken.</source>
            <translation>Only a coordinator may save reports. You can still look at the preview.</translation>
        </message>
        <message>
            <source>De centrale export heeft geen voorbeeld. Hij bevat alle gedeelde gegevens als tabellen, zonder namen, contactgegevens of notities.</source>
            <translation>The central export has no preview. It holds all shared data as tables, without names, contact details or notes.</translation>
        </message>
        <message>
            <source>Het voorbeeld hoort niet meer bij uw keuzes. Klik op Voorbeeld tonen.</source>
            <translation>The preview no longer matches your choices. Click Show preview.</translation>
        </message>
        <message>
            <source>Klik op Voorbeeld tonen om de tabellen te zien.</source>
            <translation>Click Show preview to see the tables.</translation>
        </message>
        <message>
            <source>Rapport maken...</source>
            <translation>Making the report...</translation>
        </message>
        <message>
            <source>Het voorbeeld wordt gemaakt...</source>
            <translation>Making the preview...</translation>
        </message>
        <message>
            <source>Voorbeeld maken</source>
            <translation>Making a preview</translation>
        </message>
        <message>
            <source>Voorbeeld van %1, %2 tabel(len).</source>
            <translation>Preview of %1, %2 table(s).</translation>
        </message>
        <message>
            <source>PDF-bestand (*.pdf)</source>
            <translation>PDF file (*.pdf)</translation>
        </message>
        <message>
            <source>Excel-bestand (*.xlsx)</source>
            <translation>Excel file (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV-bestanden (*.csv *.zip)</source>
            <translation>CSV files (*.csv *.zip)</translation>
        </message>
        <message>
            <source>Rapport opslaan</source>
            <translation>Save report</translation>
        </message>
        <message>
            <source>Bestand maken...</source>
            <translation>Making the file...</translation>
        </message>
        <message>
            <source>Het bestand wordt gemaakt...</source>
            <translation>Making the file...</translation>
        </message>
        <message>
            <source>Opgeslagen: %1. De export is vastgelegd.</source>
            <translation>Saved: %1. The export has been recorded.</translation>
        </message>
        <message>
            <source>Gestopt. Er is niets opgeslagen.</source>
            <translation>Stopped. Nothing has been saved.</translation>
        </message>
    </context>
    <context>
        <name>ResidentDialog</name>
        <message>
            <source>Inwoner wijzigen</source>
            <translation>Edit resident</translation>
        </message>
        <message>
            <source>Nieuwe inwoner</source>
            <translation>New resident</translation>
        </message>
        <message>
            <source>Een inwoner staat hier onder een schuilnaam. Naam en contactgegevens zijn niet nodig en mogen alleen met toestemming.</source>
            <translation>A resident is kept here under an alias. A name and contact details are not needed and may only be kept with consent.</translation>
        </message>
        <message>
            <source>Bijvoorbeeld: Fatima B. of Opa Kees</source>
            <translation>For example: Fatima B. or Grandpa Kees</translation>
        </message>
        <message>
            <source>&amp;Schuilnaam</source>
            <translation>&amp;Alias</translation>
        </message>
        <message>
            <source>Leeg laten als u het niet weet</source>
            <translation>Leave empty if you do not know</translation>
        </message>
        <message>
            <source>&amp;Geboortejaar</source>
            <translation>&amp;Year of birth</translation>
        </message>
        <message>
            <source>Onbekend</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Neighbourhood</translation>
        </message>
        <message>
            <source>&amp;Doelgroepen</source>
            <translation>&amp;Target groups</translation>
        </message>
        <message>
            <source>G&amp;eslacht</source>
            <translation>G&amp;ender</translation>
        </message>
        <message>
            <source>Toestemming van de inwoner</source>
            <translation>Consent of the resident</translation>
        </message>
        <message>
            <source>Datum toestemming: %1</source>
            <translation>Date of consent: %1</translation>
        </message>
        <message>
            <source>gegeven op</source>
            <translation>given on</translation>
        </message>
        <message>
            <source>&amp;Persoonlijke gegevens (alleen met toestemming)</source>
            <translation>&amp;Personal details (only with consent)</translation>
        </message>
        <message>
            <source>Vul dit alleen in als de inwoner toestemming gaf voor 'Vastleggen van gegevens'. Deze gegevens blijven op dit apparaat.</source>
            <translation>Only fill this in if the resident consented to 'Recording of details'. These details stay on this device.</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>Na&amp;me</translation>
        </message>
        <message>
            <source>&amp;Telefoon</source>
            <translation>&amp;Phone</translation>
        </message>
        <message>
            <source>E-&amp;mail</source>
            <translation>E-&amp;mail</translation>
        </message>
        <message>
            <source>&amp;Deze gebruiken</source>
            <translation>&amp;Use this one</translation>
        </message>
        <message>
            <source>Toch &amp;nieuw aanmaken</source>
            <translation>Create &amp;new anyway</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Intrekken kan op de pagina van de inwoner, met 'Toestemming intrekken'.</source>
            <translation>Withdraw it on the resident's page, with 'Withdraw consent'.</translation>
        </message>
        <message>
            <source>Vul een schuilnaam in, bijvoorbeeld een voornaam met een letter.</source>
            <translation>Fill in an alias, for example a first name and a letter.</translation>
        </message>
        <message>
            <source>Dit mag alleen met toestemming. Vink '%1' aan, of maak dit veld leeg.</source>
            <translation>This needs consent. Tick '%1', or clear this field.</translation>
        </message>
        <message numerus="yes">
            <source>Deze inwoner staat misschien al in de lijst (%n gevonden). Is het een van deze? Kies dan 'Deze gebruiken'. Is het echt iemand anders? Kies 'Toch nieuw aanmaken'.</source>
            <translation>
                <numerusform>This resident may already be in the list (%n found). Is it this one? Then choose 'Use this one'. Is it really someone else? Choose 'Create new anyway'.</numerusform>
                <numerusform>This resident may already be in the list (%n found). Is it one of these? Then choose 'Use this one'. Is it really someone else? Choose 'Create new anyway'.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResidentLookup</name>
        <message>
            <source>Typ een deel van de schuilnaam</source>
            <translation>Type part of the alias</translation>
        </message>
    </context>
    <context>
        <name>ResidentsPage</name>
        <message>
            <source>Inwoners</source>
            <translation>Residents</translation>
        </message>
        <message>
            <source>&amp;Zoek</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>Deel van de schuilnaam</source>
            <translation>Part of the alias</translation>
        </message>
        <message>
            <source>&amp;Nieuwe inwoner...</source>
            <translation>&amp;New resident...</translation>
        </message>
        <message>
            <source>Geboortejaar:</source>
            <translation>Year of birth:</translation>
        </message>
        <message>
            <source>Buurt:</source>
            <translation>Neighbourhood:</translation>
        </message>
        <message>
            <source>Doelgroepen:</source>
            <translation>Target groups:</translation>
        </message>
        <message>
            <source>Geslacht:</source>
            <translation>Gender:</translation>
        </message>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>No</translation>
        </message>
        <message>
            <source>&amp;Wijzigen...</source>
            <translation>&amp;Edit...</translation>
        </message>
        <message>
            <source>Nieuwe &amp;verwijzing...</source>
            <translation>New &amp;referral...</translation>
        </message>
        <message>
            <source>Inzageve&amp;rzoek...</source>
            <translation>Access re&amp;quest...</translation>
        </message>
        <message>
            <source>Alle gegevens van deze inwoner opslaan als PDF en JSON.</source>
            <translation>Save all data of this resident as PDF and JSON.</translation>
        </message>
        <message>
            <source>Gegevens w&amp;issen...</source>
            <translation>Era&amp;se details...</translation>
        </message>
        <message>
            <source>&amp;Tijdlijn</source>
            <translation>&amp;Timeline</translation>
        </message>
        <message>
            <source>Kies links een inwoner, of maak een nieuwe.</source>
            <translation>Choose a resident on the left, or create a new one.</translation>
        </message>
        <message>
            <source>Meer dan %1 gevonden. Typ meer letters om te zoeken.</source>
            <translation>More than %1 found. Type more letters to search.</translation>
        </message>
        <message>
            <source>Niemand gevonden. Maak een nieuwe inwoner met 'Nieuwe inwoner'.</source>
            <translation>Nobody found. Create a new resident with 'New resident'.</translation>
        </message>
        <message numerus="yes">
            <source>%n gevonden</source>
            <translation>
                <numerusform>%n found</numerusform>
                <numerusform>%n found</numerusform>
            </translation>
        </message>
        <message>
            <source>Geen inwoner gekozen</source>
            <translation>No resident chosen</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Toe&amp;stemming</source>
            <translation>C&amp;onsent</translation>
        </message>
        <message>
            <source>Waarvoor</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Gegeven op</source>
            <translation>Given on</translation>
        </message>
        <message>
            <source>Vastgelegd door</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Ingetrokken</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>Toestemming vastle&amp;ggen...</source>
            <translation>Reco&amp;rd consent...</translation>
        </message>
        <message>
            <source>Toestemming intre&amp;kken...</source>
            <translation>&amp;Withdraw consent...</translation>
        </message>
        <message>
            <source>nee</source>
            <translation>no</translation>
        </message>
        <message>
            <source>%1 door %2</source>
            <translation>%1 by %2</translation>
        </message>
        <message>
            <source>Geen toestemming voor vastleggen: naam en notitie worden niet bewaard en de inwoner telt alleen mee in anonieme aantallen.</source>
            <translation>No consent for registration: name and note are not kept and the resident only counts in anonymous numbers.</translation>
        </message>
        <message>
            <source>De toestemming '%1' van %2 intrekken?</source>
            <translation>Withdraw the consent '%1' of %2?</translation>
        </message>
        <message>
            <source>Dit geldt ook op de andere apparaten na synchroniseren.</source>
            <translation>This also applies on the other devices after synchronising.</translation>
        </message>
        <message>
            <source>Toestemming intrekken</source>
            <translation>Withdraw consent</translation>
        </message>
        <message>
            <source>De naam en de notitie van de inwoner worden gewist. De inwoner telt daarna alleen nog mee in anonieme aantallen.</source>
            <translation>The resident's name and note are erased. After that the resident only counts in anonymous numbers.</translation>
        </message>
        <message>
            <source>Het telefoonnummer en het e-mailadres van de inwoner worden gewist.</source>
            <translation>The resident's phone number and e-mail address are erased.</translation>
        </message>
        <message>
            <source>De datums om op te volgen bij de open verwijzingen van de inwoner worden gewist.</source>
            <translation>The follow-up dates of the resident's open referrals are erased.</translation>
        </message>
        <message>
            <source>Map voor het inzageverzoek kiezen</source>
            <translation>Choose a folder for the access request</translation>
        </message>
        <message>
            <source>Inzageverzoek maken</source>
            <translation>Making the access request</translation>
        </message>
        <message>
            <source>Inzageverzoek opgeslagen: %1</source>
            <translation>Access request saved: %1</translation>
        </message>
        <message>
            <source>Nog niets op de tijdlijn.</source>
            <translation>Nothing on the timeline yet.</translation>
        </message>
    </context>
    <context>
        <name>RetentionPanel</name>
        <message>
            <source>Persoonlijke gegevens (naam, telefoon, e-mail en notities) bewaart u niet langer dan nodig. Stel in na hoeveel maanden ze worden gewist. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen kloppen.</source>
            <translation>Keep personal details (name, phone, e-mail and notes) no longer than needed. Set after how many months they are erased. The contacts, attendances and referrals themselves stay, so the figures stay correct.</translation>
        </message>
        <message>
            <source>Maanden na het laatste contact (inwoners zonder verwijzing):</source>
            <translation>Months after the last contact (residents without a referral):</translation>
        </message>
        <message>
            <source>Maanden nadat alle verwijzingen zijn afgesloten:</source>
            <translation>Months after all referrals were closed:</translation>
        </message>
        <message>
            <source>Termijnen op&amp;slaan</source>
            <translation>&amp;Save periods</translation>
        </message>
        <message>
            <source>&amp;Voorbeeld bekijken</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>Nu &amp;opschonen...</source>
            <translation>Clean &amp;up now...</translation>
        </message>
        <message>
            <source>geen termijn</source>
            <translation>no period</translation>
        </message>
        <message>
            <source> maanden</source>
            <translation> months</translation>
        </message>
        <message>
            <source>De bewaartermijnen zijn opgeslagen.</source>
            <translation>The retention periods are saved.</translation>
        </message>
        <message numerus="yes">
            <source>De bewaartermijn van %n inwoner(s) is verstreken.</source>
            <translation>
                <numerusform>The retention period of %n resident has passed.</numerusform>
                <numerusform>The retention period of %n residents has passed.</numerusform>
            </translation>
        </message>
        <message>
            <source>Er zijn geen inwoners waarvan de bewaartermijn is verstreken.</source>
            <translation>There are no residents whose retention period has passed.</translation>
        </message>
        <message>
            <source>Voorbeeld bekijken</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Gegevens wissen...</source>
            <translation>Erasing details...</translation>
        </message>
        <message>
            <source>Gestopt: van %1 van de %2 inwoners zijn de gegevens gewist.</source>
            <translation>Stopped: the details of %1 of the %2 residents were erased.</translation>
        </message>
        <message numerus="yes">
            <source>Van %n inwoner(s) zijn de gegevens gewist. Synchroniseer om dit ook op de andere apparaten door te voeren.</source>
            <translation>
                <numerusform>The details of %n resident were erased. Synchronise to carry this through to the other devices.</numerusform>
                <numerusform>The details of %n residents were erased. Synchronise to carry this through to the other devices.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opschonen</source>
            <translation>Clean up</translation>
        </message>
    </context>
    <context>
        <name>RollCallDialog</name>
        <message>
            <source>Presentielijst</source>
            <translation>Roll call</translation>
        </message>
        <message>
            <source>Wie er was, staat aangevinkt. Pas aan wat niet klopt: pijltjes en spatie om aan of uit te vinken, V voor een vrijwilliger.</source>
            <translation>Who was there is ticked. Correct what is wrong: arrow keys and space to tick or untick, V for a volunteer.</translation>
        </message>
        <message>
            <source>Hieronder staat wie er vorige keer was (%1). Ga met de pijltjes langs de lijst en druk op spatie bij wie er is; V voor een vrijwilliger.</source>
            <translation>Below is who came last time (%1). Go down the list with the arrow keys and press space for everyone who is here; V for a volunteer.</translation>
        </message>
        <message>
            <source>Dit is de eerste bijeenkomst. Zoek mensen op hun alias of voeg iemand nieuw toe.</source>
            <translation>This is the first session. Find people by their alias or add someone new.</translation>
        </message>
        <message>
            <source>Staat op de lijst</source>
            <translation>On the list</translation>
        </message>
        <message>
            <source>Was er vorige keer</source>
            <translation>Came last time</translation>
        </message>
        <message>
            <source>&amp;Zoek iemand anders:</source>
            <translation>&amp;Find someone else:</translation>
        </message>
        <message>
            <source>deel van de alias, dan Enter</source>
            <translation>part of the alias, then Enter</translation>
        </message>
        <message>
            <source>&amp;Nieuw (alleen alias)</source>
            <translation>&amp;New (alias only)</translation>
        </message>
        <message>
            <source>Voeg de getypte alias toe als nieuwe inwoner (Ctrl+Enter).</source>
            <translation>Add the typed alias as a new resident (Ctrl+Enter).</translation>
        </message>
        <message>
            <source>&amp;Gasten zonder naam:</source>
            <translation>&amp;Guests without a name:</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Opslaan (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Aanwezig: %1 met naam (waarvan %2 vrijwilliger) + %3 zonder naam = %4</source>
            <translation>Present: %1 by name (of whom %2 volunteer) + %3 without a name = %4</translation>
        </message>
        <message>
            <source>Niemand gevonden met deze alias. Klik op 'Nieuw (alleen alias)' of druk op Ctrl+Enter om %1 als nieuwe inwoner toe te voegen.</source>
            <translation>Nobody found with this alias. Click 'New (alias only)' or press Ctrl+Enter to add %1 as a new resident.</translation>
        </message>
        <message>
            <source>Gezocht</source>
            <translation>Found by search</translation>
        </message>
        <message>
            <source>Typ eerst de alias van de nieuwe persoon in het zoekveld.</source>
            <translation>First type the new person's alias in the search field.</translation>
        </message>
        <message>
            <source>%1 staat al op de lijst.</source>
            <translation>%1 is already on the list.</translation>
        </message>
        <message>
            <source>Er is al iemand met de alias %1. Kies die persoon uit de lijst (Enter), of klik nog een keer op 'Nieuw' als het echt iemand anders is.</source>
            <translation>There is already someone with the alias %1. Choose that person from the list (Enter), or click 'New' once more if it really is someone else.</translation>
        </message>
        <message>
            <source>Nieuw: alleen alias</source>
            <translation>New: alias only</translation>
        </message>
        <message>
            <source>De presentielijst is nog niet opgeslagen. Klik op Opslaan (Ctrl+S), of druk nog een keer op Esc om te sluiten zonder op te slaan.</source>
            <translation>The roll call has not been saved yet. Click Save (Ctrl+S), or press Esc once more to close without saving.</translation>
        </message>
    </context>
    <context>
        <name>RollCallModel</name>
        <message>
            <source>Aanwezig</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>Vrijwilliger</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>Opmerking</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Vink aan of druk op V als deze persoon vrijwilliger is.</source>
            <translation>Tick or press V if this person is a volunteer.</translation>
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message>
            <source>%1 op %2</source>
            <translation>%1 on %2</translation>
        </message>
    </context>
    <context>
        <name>ScoresDialog</name>
        <message>
            <source>%1: Positieve Gezondheid %2</source>
            <translation>%1: Positive Health %2</translation>
        </message>
        <message>
            <source>&amp;Gemeten op</source>
            <translation>&amp;Measured on</translation>
        </message>
    </context>
    <context>
        <name>ScoresEditor</name>
        <message>
            <source>Score van 0 (slecht) tot 10 (heel goed)</source>
            <translation>Score from 0 (bad) to 10 (very good)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Vul een score in voor %1: een getal van 0 tot en met 10.</source>
            <translation>Fill in a score for %1: a number from 0 to 10.</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <source>Nieuwe bijeenkomst</source>
            <translation>New session</translation>
        </message>
        <message>
            <source>Bijeenkomst van %1 (%2)</source>
            <translation>Session of %1 (%2)</translation>
        </message>
        <message>
            <source>geen vast schema</source>
            <translation>no fixed schedule</translation>
        </message>
        <message>
            <source>&amp;Datum</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>&amp;Notitie</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <source>Aanmaken en presentielijst openen</source>
            <translation>Create and open the roll call</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SessionListModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Deelnemers</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>Vrijwilligers</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>Zonder naam</source>
            <translation>Without a name</translation>
        </message>
        <message>
            <source>Totaal</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Instellingen</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Taal:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Een andere taal wordt gebruikt na het opnieuw starten.</source>
            <translation>Another language is used after a restart.</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Taal</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>De nieuwe taal wordt gebruikt als u Gezond Desktop opnieuw start.</source>
            <translation>The new language is used when you restart Gezond Desktop.</translation>
        </message>
    </context>
    <context>
        <name>SignInPanel</name>
        <message>
            <source>Te veel pogingen. Probeer het over %1 seconden opnieuw.</source>
            <translation>Too many attempts. Try again in %1 seconds.</translation>
        </message>
        <message>
            <source>Aanmelden bij Gezond Desktop</source>
            <translation>Sign in to Gezond Desktop</translation>
        </message>
        <message>
            <source>Meld u aan met uw gebruikersnaam en wachtwoord. Dit werkt ook zonder internet.</source>
            <translation>Sign in with your username and password. This also works without internet.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>Wachtwoord vergeten?</source>
            <translation>Forgot your password?</translation>
        </message>
        <message>
            <source>Aanmelden</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Stoppen</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Even geduld: Gezond Desktop opent uw gegevens. Probeer het zo nog eens.</source>
            <translation>One moment: Gezond Desktop is opening your data. Please try again shortly.</translation>
        </message>
        <message>
            <source>Uw wachtwoord is vervangen. Meld u aan met het nieuwe wachtwoord.</source>
            <translation>Your password has been replaced. Sign in with the new password.</translation>
        </message>
        <message>
            <source>Vul uw gebruikersnaam in.</source>
            <translation>Enter your username.</translation>
        </message>
        <message>
            <source>Even geduld: Gezond Desktop opent uw gegevens...</source>
            <translation>One moment: Gezond Desktop is opening your data...</translation>
        </message>
    </context>
    <context>
        <name>SpiderChart</name>
        <message>
            <source>Positieve Gezondheid: spindiagram</source>
            <translation>Positive Health: spider chart</translation>
        </message>
        <message>
            <source>Nog geen scores</source>
            <translation>No scores yet</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Gezond Desktop kan uw gegevens nu niet openen. Klik op Stoppen en start Gezond Desktop opnieuw.</source>
            <translation>Gezond Desktop cannot open your data right now. Click Quit and start Gezond Desktop again.</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens zijn in deze versie niet beschikbaar. Start Gezond Desktop zonder --demo.</source>
            <translation>Demo data is not available in this version. Start Gezond Desktop without --demo.</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens maken...</source>
            <translation>Creating demo data...</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens maken</source>
            <translation>Creating demo data</translation>
        </message>
        <message>
            <source>DEMO: voorbeeldgegevens, aangemeld als demo</source>
            <translation>DEMO: sample data, signed in as demo</translation>
        </message>
        <message>
            <source>Gezond Desktop kan niet starten</source>
            <translation>Gezond Desktop cannot start</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>&amp;Naar '%1'</source>
            <translation>&amp;To '%1'</translation>
        </message>
        <message>
            <source>%1: status '%2'</source>
            <translation>%1: status '%2'</translation>
        </message>
        <message>
            <source>Van '%1' naar '%2'.</source>
            <translation>From '%1' to '%2'.</translation>
        </message>
        <message>
            <source>&amp;Datum</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>N&amp;otitie</source>
            <translation>N&amp;ote</translation>
        </message>
        <message>
            <source>Kies het resultaat</source>
            <translation>Choose the outcome</translation>
        </message>
        <message>
            <source>Geen</source>
            <translation>None</translation>
        </message>
        <message>
            <source>&amp;Resultaat</source>
            <translation>&amp;Outcome</translation>
        </message>
        <message>
            <source>&amp;Toelichting</source>
            <translation>&amp;Explanation</translation>
        </message>
        <message>
            <source>&amp;Scores Positieve Gezondheid bij afsluiten</source>
            <translation>Positive Health &amp;scores at closing</translation>
        </message>
        <message>
            <source>Zet het vinkje uit als de inwoner geen scores wil geven.</source>
            <translation>Untick this if the resident does not want to give scores.</translation>
        </message>
        <message>
            <source>bij intake</source>
            <translation>at intake</translation>
        </message>
        <message>
            <source>Kies het resultaat: wat heeft de verwijzing opgeleverd?</source>
            <translation>Choose the outcome: what did the referral lead to?</translation>
        </message>
    </context>
    <context>
        <name>SyncFields</name>
        <message>
            <source>Inwoner</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>Toestemming</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Verwijzing</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>Stap van een verwijzing</source>
            <translation>Referral step</translation>
        </message>
        <message>
            <source>Positieve Gezondheid</source>
            <translation>Positive Health</translation>
        </message>
        <message>
            <source>Activiteit</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Bijeenkomst</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Aanwezigheid</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Neighbourhood</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Dienst</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Doelgroep</source>
            <translation>Target group</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Spoor</source>
            <translation>Track</translation>
        </message>
        <message>
            <source>Programmalijn</source>
            <translation>Programme line</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Welzijnscoach</source>
            <translation>Welfare coach</translation>
        </message>
        <message>
            <source>Opvolgen op</source>
            <translation>Follow up on</translation>
        </message>
        <message>
            <source>Opvolging gedaan op</source>
            <translation>Follow-up done on</translation>
        </message>
        <message>
            <source>Uitkomst</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Toelichting bij de uitkomst</source>
            <translation>Note on the outcome</translation>
        </message>
        <message>
            <source>Verwezen naar organisaties</source>
            <translation>Referred to organisations</translation>
        </message>
        <message>
            <source>Verwezen naar activiteiten</source>
            <translation>Referred to activities</translation>
        </message>
        <message>
            <source>Verwijzende organisatie</source>
            <translation>Referring organisation</translation>
        </message>
        <message>
            <source>Aangemeld op</source>
            <translation>Registered on</translation>
        </message>
        <message>
            <source>Route</source>
            <translation>Pathway</translation>
        </message>
        <message>
            <source>Verwezen door</source>
            <translation>Referred by</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Aantekeningen</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Aantekening</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Aantal personen</source>
            <translation>Number of people</translation>
        </message>
        <message>
            <source>Datum en tijd</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Beschrijving</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Roepnaam of schuilnaam</source>
            <translation>First name or pseudonym</translation>
        </message>
        <message>
            <source>Volledige naam</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Geboortejaar</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Geslacht</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Begintijd</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Begint op</source>
            <translation>Starts on</translation>
        </message>
        <message>
            <source>Eindigt op</source>
            <translation>Ends on</translation>
        </message>
        <message>
            <source>Dag</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Hoe vaak</source>
            <translation>How often</translation>
        </message>
        <message>
            <source>Gasten zonder naam</source>
            <translation>Guests without a name</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Focusbuurt</source>
            <translation>Focus neighbourhood</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Verwijderd</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Dubbel vastgelegd</source>
            <translation>Recorded twice</translation>
        </message>
        <message>
            <source>verwijderd en tegelijk gewijzigd</source>
            <translation>deleted and changed at the same time</translation>
        </message>
        <message>
            <source>status in een onmogelijke volgorde</source>
            <translation>status in an impossible order</translation>
        </message>
        <message>
            <source>twee keer vastgelegd</source>
            <translation>recorded twice</translation>
        </message>
        <message>
            <source>(onbekend)</source>
            <translation>(unknown)</translation>
        </message>
        <message>
            <source>(leeg)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>No</translation>
        </message>
        <message>
            <source>(geen velden)</source>
            <translation>(no fields)</translation>
        </message>
        <message>
            <source>Gewijzigd:</source>
            <translation>Changed:</translation>
        </message>
        <message>
            <source>Deze aanwezigheid blijft</source>
            <translation>This attendance stays</translation>
        </message>
        <message>
            <source>Samengevoegd met de andere</source>
            <translation>Merged with the other one</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Synchronisatie</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Alles wat u vastlegt, wordt eerst op deze computer bewaard. Zo kunt u ook zonder internet werken. Bij synchroniseren deelt deze computer de wijzigingen met de andere computers van het team, via een gedeelde map (de hub).</source>
            <translation>Everything you record is first kept on this computer, so you can also work without internet. When synchronising, this computer shares its changes with the other computers of the team through a shared folder (the hub).</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Even geduld...</source>
            <translation>Please wait...</translation>
        </message>
        <message>
            <source>&amp;Aansluiten bij een team...</source>
            <translation>&amp;Join a team...</translation>
        </message>
        <message>
            <source>Nieuw &amp;team maken...</source>
            <translation>Create a new &amp;team...</translation>
        </message>
        <message>
            <source>Synchroniseren</source>
            <translation>Synchronise</translation>
        </message>
        <message>
            <source>&amp;Nu synchroniseren</source>
            <translation>Synchronise &amp;now</translation>
        </message>
        <message>
            <source>Nog niet gedeeld:</source>
            <translation>Not shared yet:</translation>
        </message>
        <message>
            <source>Laatst gesynchroniseerd:</source>
            <translation>Last synchronised:</translation>
        </message>
        <message>
            <source>Automatisch &amp;elke:</source>
            <translation>Automatically &amp;every:</translation>
        </message>
        <message>
            <source>uit</source>
            <translation>off</translation>
        </message>
        <message>
            <source> minuten</source>
            <translation> minutes</translation>
        </message>
        <message>
            <source>Synchroniseer vanzelf zolang de gedeelde map bereikbaar is. 0 = uit.</source>
            <translation>Synchronise by itself while the shared folder can be reached. 0 = off.</translation>
        </message>
        <message>
            <source>Conflicten</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>&amp;Bekijken...</source>
            <translation>&amp;Review...</translation>
        </message>
        <message>
            <source>Niet verwerkte bestanden</source>
            <translation>Files not processed</translation>
        </message>
        <message>
            <source>Deze bestanden uit de gedeelde map zijn niet verwerkt. Er is niets half overgenomen. Een bestand dat op een nieuwere app wacht, wordt vanzelf verwerkt als u de app bijwerkt. Een apart gezet bestand is beschadigd of niet te vertrouwen: vraag de computer die het maakte om opnieuw te synchroniseren, of meld het bij uw coördinator.</source>
            <translation>These files from the shared folder were not processed. Nothing was taken over halfway. A file waiting for a newer app is processed by itself once you update the app. A file set aside is damaged or cannot be trusted: ask the computer that made it to synchronise again, or tell your coordinator.</translation>
        </message>
        <message>
            <source>Status lezen</source>
            <translation>Reading the status</translation>
        </message>
        <message>
            <source>Deze computer is nog niet aangesloten bij een team. Sluit aan met het uitnodigingsbestand van uw coördinator.</source>
            <translation>This computer has not joined a team yet. Join with the invitation file from your coordinator.</translation>
        </message>
        <message>
            <source>PostgreSQL-server: %1</source>
            <translation>PostgreSQL server: %1</translation>
        </message>
        <message>
            <source>Gedeelde map: %1</source>
            <translation>Shared folder: %1</translation>
        </message>
        <message>
            <source>De hub is bereikbaar.</source>
            <translation>The hub can be reached.</translation>
        </message>
        <message>
            <source>De hub is nu niet bereikbaar. Controleer de netwerkschijf, de cloudmap of de USB-stick. U kunt gewoon doorwerken; er gaat niets verloren.</source>
            <translation>The hub cannot be reached right now. Check the network drive, the cloud folder or the USB stick. You can keep working; nothing is lost.</translation>
        </message>
        <message>
            <source>Alles is gedeeld.</source>
            <translation>Everything is shared.</translation>
        </message>
        <message>
            <source>1 wijziging</source>
            <translation>1 change</translation>
        </message>
        <message>
            <source>%1 wijzigingen</source>
            <translation>%1 changes</translation>
        </message>
        <message>
            <source>nog nooit</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Er zijn geen conflicten.</source>
            <translation>There are no conflicts.</translation>
        </message>
        <message>
            <source>Soms veranderen twee computers hetzelfde tegelijk. De app kiest dan zelf en bewaart de andere waarde. Bekijk ze en kies wat blijft. Nog te bekijken: %1</source>
            <translation>Sometimes two computers change the same thing at the same time. The app then chooses and keeps the other value. Review them and choose what stays. Still to review: %1</translation>
        </message>
        <message>
            <source>een andere computer</source>
            <translation>another computer</translation>
        </message>
        <message>
            <source>1 minuut</source>
            <translation>1 minute</translation>
        </message>
        <message>
            <source>%1 minuten</source>
            <translation>%1 minutes</translation>
        </message>
        <message>
            <source>%1 uur</source>
            <translation>%1 hours</translation>
        </message>
        <message>
            <source>1 uur</source>
            <translation>1 hour</translation>
        </message>
        <message>
            <source>%1 dagen</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <source>De klok van %1 loopt %2 voor.</source>
            <translation>The clock of %1 is %2 fast.</translation>
        </message>
        <message>
            <source>De klok van %1 loopt %2 achter.</source>
            <translation>The clock of %1 is %2 slow.</translation>
        </message>
        <message>
            <source>Wijzigingen van die computer winnen daardoor niet vanzelf. Zet de klok goed.</source>
            <translation>So changes from that computer do not win automatically. Please set the clock right.</translation>
        </message>
        <message>
            <source>Wijzigingen versturen...</source>
            <translation>Sending changes...</translation>
        </message>
        <message>
            <source>Wijzigingen ontvangen...</source>
            <translation>Receiving changes...</translation>
        </message>
        <message>
            <source>Synchroniseren...</source>
            <translation>Synchronising...</translation>
        </message>
        <message>
            <source>Verbinden met de hub...</source>
            <translation>Connecting to the hub...</translation>
        </message>
        <message>
            <source>Bezig met synchroniseren...</source>
            <translation>Synchronising...</translation>
        </message>
        <message>
            <source>Klaar om %1.</source>
            <translation>Done at %1.</translation>
        </message>
        <message>
            <source>Verstuurd: %1, ontvangen: %2.</source>
            <translation>Sent: %1, received: %2.</translation>
        </message>
        <message>
            <source>Niet verwerkte bestanden: %1 (zie hieronder).</source>
            <translation>Files not processed: %1 (see below).</translation>
        </message>
        <message>
            <source>Nieuwe conflicten: %1.</source>
            <translation>New conflicts: %1.</translation>
        </message>
        <message>
            <source>Synchroniseren lukte niet. %1</source>
            <translation>Synchronising did not work. %1</translation>
        </message>
        <message>
            <source>Gestopt. Wat al verstuurd of ontvangen was, is bewaard.</source>
            <translation>Stopped. What was already sent or received is kept.</translation>
        </message>
        <message>
            <source>Uw keuze is bewaard. Die gaat bij de volgende synchronisatie naar de andere computers.</source>
            <translation>Your choice is saved. It goes to the other computers at the next synchronisation.</translation>
        </message>
        <message>
            <source>U bent aangesloten bij het team. Synchroniseer nu om de gegevens van het team op te halen.</source>
            <translation>You have joined the team. Synchronise now to fetch the team's data.</translation>
        </message>
        <message>
            <source>Het team is gemaakt. De uitnodiging staat in %1. Geef dat bestand alleen aan collega's van het team, bijvoorbeeld op een USB-stick; niet via de gedeelde map of e-mail.</source>
            <translation>The team has been created. The invitation is in %1. Give that file only to colleagues in the team, for example on a USB stick; not through the shared folder or email.</translation>
        </message>
    </context>
    <context>
        <name>Table</name>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>TasksPage</name>
        <message>
            <source>Mijn taken</source>
            <translation>My tasks</translation>
        </message>
        <message>
            <source>Opvolgingen die vandaag of eerder gepland staan: contacten en verwijzingen met een opvolgdatum. Dubbelklik om te openen.</source>
            <translation>Follow-ups planned for today or earlier: contacts and referrals with a follow-up date. Double-click to open.</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Omschrijving</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Er staat niets open voor vandaag of eerder.</source>
            <translation>Nothing is open for today or earlier.</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Verwijzing</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>Vandaag</source>
            <translation>Today</translation>
        </message>
        <message numerus="yes">
            <source>%n dag(en) te laat</source>
            <translation>
                <numerusform>%n day late</numerusform>
                <numerusform>%n days late</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Wat</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>_ConfirmDialog</name>
        <message>
            <source>Ik begrijp dat dit niet ongedaan kan worden.</source>
            <translation>I understand that this cannot be undone.</translation>
        </message>
    </context>
    <context>
        <name>_FormDialog</name>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>_PathField</name>
        <message>
            <source>Kiezen...</source>
            <translation>Choose...</translation>
        </message>
    </context>
    <context>
        <name>_ProgressDialog</name>
        <message>
            <source>Even geduld...</source>
            <translation>Please wait...</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Bezig met stoppen...</source>
            <translation>Stopping...</translation>
        </message>
    </context>
</TS>
