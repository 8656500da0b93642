<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Account maken</source>
            <translation>Account maken</translation>
        </message>
        <message>
            <source>Maak een account voor %1. Met de gebruikersnaam en het wachtwoord meldt u zich voortaan aan.</source>
            <translation>Maak een account voor %1. Met de gebruikersnaam en het wachtwoord meldt u zich voortaan aan.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Gebruikersnaam:</translation>
        </message>
        <message>
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Wachtwoord:</translation>
        </message>
        <message>
            <source>Wachtwoord &amp;nogmaals:</source>
            <translation>Wachtwoord &amp;nogmaals:</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Vul een gebruikersnaam in.</source>
            <translation>Vul een gebruikersnaam in.</translation>
        </message>
        <message>
            <source>Kies een wachtwoord van minstens %1 tekens.</source>
            <translation>Kies een wachtwoord van minstens %1 tekens.</translation>
        </message>
        <message>
            <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
            <translation>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>Accounts en audit</source>
            <translation>Accounts en audit</translation>
        </message>
        <message>
            <source>Accounts op deze computer</source>
            <translation>Accounts op deze computer</translation>
        </message>
        <message>
            <source>ja</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>nee</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>Gebruikersnaam</source>
            <translation>Gebruikersnaam</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Medewerker</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Actief</translation>
        </message>
        <message>
            <source>Laatst aangemeld</source>
            <translation>Laatst aangemeld</translation>
        </message>
        <message>
            <source>Nieuw account...</source>
            <translation>Nieuw account...</translation>
        </message>
        <message>
            <source>Wachtwoord opnieuw instellen...</source>
            <translation>Wachtwoord opnieuw instellen...</translation>
        </message>
        <message>
            <source>Uitschakelen of aanzetten</source>
            <translation>Uitschakelen of aanzetten</translation>
        </message>
        <message>
            <source>Rol wijzigen...</source>
            <translation>Rol wijzigen...</translation>
        </message>
        <message>
            <source>Herstelsleutel maken...</source>
            <translation>Herstelsleutel maken...</translation>
        </message>
        <message>
            <source>Vergrendelen na (minuten, 0 = nooit):</source>
            <translation>Vergrendelen na (minuten, 0 = nooit):</translation>
        </message>
        <message>
            <source>Controlelogboek (nieuwste eerst)</source>
            <translation>Controlelogboek (nieuwste eerst)</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>Wat</source>
            <translation>Wat</translation>
        </message>
        <message>
            <source>Wie</source>
            <translation>Wie</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Over</translation>
        </message>
        <message>
            <source>Apparaat</source>
            <translation>Apparaat</translation>
        </message>
        <message>
            <source>Keten controleren</source>
            <translation>Keten controleren</translation>
        </message>
        <message>
            <source>Exporteren als CSV...</source>
            <translation>Exporteren als CSV...</translation>
        </message>
        <message>
            <source>Exporteren als JSON...</source>
            <translation>Exporteren als JSON...</translation>
        </message>
        <message>
            <source>Controle van de keten: NIET in orde.</source>
            <translation>Controle van de keten: NIET in orde.</translation>
        </message>
        <message>
            <source>Controle van de keten: in orde. Er is niets weggehaald of gewijzigd.</source>
            <translation>Controle van de keten: in orde. Er is niets weggehaald of gewijzigd.</translation>
        </message>
        <message>
            <source>Kies eerst een account in de lijst.</source>
            <translation>Kies eerst een account in de lijst.</translation>
        </message>
        <message>
            <source>Nieuwe medewerker...</source>
            <translation>Nieuwe medewerker...</translation>
        </message>
        <message>
            <source>Nieuw account</source>
            <translation>Nieuw account</translation>
        </message>
        <message>
            <source>Voor welke medewerker?</source>
            <translation>Voor welke medewerker?</translation>
        </message>
        <message>
            <source>Nieuwe medewerker</source>
            <translation>Nieuwe medewerker</translation>
        </message>
        <message>
            <source>Naam van de medewerker:</source>
            <translation>Naam van de medewerker:</translation>
        </message>
        <message>
            <source>Rol:</source>
            <translation>Rol:</translation>
        </message>
        <message>
            <source>Wachtwoord opnieuw instellen</source>
            <translation>Wachtwoord opnieuw instellen</translation>
        </message>
        <message>
            <source>Nieuw wachtwoord voor %1 (minstens 8 tekens):</source>
            <translation>Nieuw wachtwoord voor %1 (minstens 8 tekens):</translation>
        </message>
        <message>
            <source>Rol wijzigen</source>
            <translation>Rol wijzigen</translation>
        </message>
        <message>
            <source>Nieuwe rol voor %1:</source>
            <translation>Nieuwe rol voor %1:</translation>
        </message>
        <message>
            <source>Een herstelsleutel maken? Daarmee kan iemand die zijn wachtwoord vergeet een nieuw wachtwoord kiezen zonder gegevens te verliezen.</source>
            <translation>Een herstelsleutel maken? Daarmee kan iemand die zijn wachtwoord vergeet een nieuw wachtwoord kiezen zonder gegevens te verliezen.</translation>
        </message>
        <message>
            <source>De vorige herstelsleutel werkt daarna niet meer.</source>
            <translation>De vorige herstelsleutel werkt daarna niet meer.</translation>
        </message>
        <message>
            <source>Herstelsleutel maken</source>
            <translation>Herstelsleutel maken</translation>
        </message>
        <message>
            <source>CSV-bestanden (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <source>JSON-bestanden (*.json)</source>
            <translation>JSON-bestanden (*.json)</translation>
        </message>
        <message>
            <source>Controlelogboek exporteren</source>
            <translation>Controlelogboek exporteren</translation>
        </message>
        <message>
            <source>Het bestand kon niet worden opgeslagen. Kies een andere map.</source>
            <translation>Het bestand kon niet worden opgeslagen. Kies een andere map.</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Activiteiten</source>
            <translation>Activiteiten</translation>
        </message>
        <message>
            <source>&amp;Zoek:</source>
            <translation>&amp;Zoek:</translation>
        </message>
        <message>
            <source>naam of buurt</source>
            <translation>naam of buurt</translation>
        </message>
        <message>
            <source>&amp;Nieuwe activiteit</source>
            <translation>&amp;Nieuwe activiteit</translation>
        </message>
        <message>
            <source>&amp;Wijzigen</source>
            <translation>&amp;Wijzigen</translation>
        </message>
        <message>
            <source>Niet meer in gebr&amp;uik</source>
            <translation>Niet meer in gebr&amp;uik</translation>
        </message>
        <message>
            <source>Nieuwe bij&amp;eenkomst</source>
            <translation>Nieuwe bij&amp;eenkomst</translation>
        </message>
        <message>
            <source>&amp;Presentielijst</source>
            <translation>&amp;Presentielijst</translation>
        </message>
        <message>
            <source>&amp;Ook niet meer in gebruik</source>
            <translation>&amp;Ook niet meer in gebruik</translation>
        </message>
        <message>
            <source>Bijeen&amp;komsten (nieuwste eerst)</source>
            <translation>Bijeen&amp;komsten (nieuwste eerst)</translation>
        </message>
        <message>
            <source>Lijst in&amp;lezen...</source>
            <translation>Lijst in&amp;lezen...</translation>
        </message>
        <message>
            <source>Een presentielijst uit Excel of CSV inlezen</source>
            <translation>Een presentielijst uit Excel of CSV inlezen</translation>
        </message>
        <message>
            <source>Kies links een activiteit.</source>
            <translation>Kies links een activiteit.</translation>
        </message>
        <message>
            <source>Weer in gebr&amp;uik</source>
            <translation>Weer in gebr&amp;uik</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>Organisator</source>
            <translation>Organisator</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Vindplaats</translation>
        </message>
        <message>
            <source>Doelgroepen</source>
            <translation>Doelgroepen</translation>
        </message>
        <message>
            <source>Sporen</source>
            <translation>Sporen</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>%1 is opgeslagen.</source>
            <translation>%1 is opgeslagen.</translation>
        </message>
        <message>
            <source>%1 staat nu op 'niet meer in gebruik'. De bijeenkomsten en de aanwezigheid blijven bewaard. Terugzetten kan met 'Weer in gebruik' (zet eerst 'Ook niet meer in gebruik' aan).</source>
            <translation>%1 staat nu op 'niet meer in gebruik'. De bijeenkomsten en de aanwezigheid blijven bewaard. Terugzetten kan met 'Weer in gebruik' (zet eerst 'Ook niet meer in gebruik' aan).</translation>
        </message>
        <message>
            <source>%1 is weer in gebruik.</source>
            <translation>%1 is weer in gebruik.</translation>
        </message>
        <message>
            <source>De presentielijst van %1 is opgeslagen: %2 mensen.</source>
            <translation>De presentielijst van %1 is opgeslagen: %2 mensen.</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>Activiteit wijzigen</source>
            <translation>Activiteit wijzigen</translation>
        </message>
        <message>
            <source>Nieuwe activiteit</source>
            <translation>Nieuwe activiteit</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(geen)</translation>
        </message>
        <message>
            <source>&amp;Organisator</source>
            <translation>&amp;Organisator</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Buurt</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Vindplaats</translation>
        </message>
        <message>
            <source>&amp;Hoe vaak</source>
            <translation>&amp;Hoe vaak</translation>
        </message>
        <message>
            <source>(geen vaste dag)</source>
            <translation>(geen vaste dag)</translation>
        </message>
        <message>
            <source>&amp;Dag</source>
            <translation>&amp;Dag</translation>
        </message>
        <message>
            <source>geen vaste tijd</source>
            <translation>geen vaste tijd</translation>
        </message>
        <message>
            <source>Begin&amp;tijd</source>
            <translation>Begin&amp;tijd</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>&amp;Startdatum</source>
            <translation>&amp;Startdatum</translation>
        </message>
        <message>
            <source>&amp;Einddatum</source>
            <translation>&amp;Einddatum</translation>
        </message>
        <message>
            <source>&amp;Programmalijn</source>
            <translation>&amp;Programmalijn</translation>
        </message>
        <message>
            <source>Spo&amp;ren</source>
            <translation>Spo&amp;ren</translation>
        </message>
        <message>
            <source>Doel&amp;groepen</source>
            <translation>Doel&amp;groepen</translation>
        </message>
        <message>
            <source>O&amp;mschrijving</source>
            <translation>O&amp;mschrijving</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>ActivityListModel</name>
        <message>
            <source>Activiteit</source>
            <translation>Activiteit</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>Wanneer</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Beheer</source>
            <translation>Beheer</translation>
        </message>
        <message>
            <source>Hier beheert u de lijsten waaruit iedereen kiest. Een waarde die niet meer gebruikt wordt, zet u op 'niet meer in gebruik': zo blijft ze bewaard bij wat er al mee is vastgelegd.</source>
            <translation>Hier beheert u de lijsten waaruit iedereen kiest. Een waarde die niet meer gebruikt wordt, zet u op 'niet meer in gebruik': zo blijft ze bewaard bij wat er al mee is vastgelegd.</translation>
        </message>
        <message>
            <source>Bewaartermijnen</source>
            <translation>Bewaartermijnen</translation>
        </message>
    </context>
    <context>
        <name>AttendanceImportDialog</name>
        <message>
            <source>Presentielijst inlezen</source>
            <translation>Presentielijst inlezen</translation>
        </message>
        <message>
            <source>Lees een presentielijst van %1 in uit Excel (.xlsx) of CSV. De eerste rij bevat de kolomnamen: datum, alias en eventueel rol (deelnemer of vrijwilliger). U ziet eerst alle rijen; alleen de goede rijen worden opgeslagen.</source>
            <translation>Lees een presentielijst van %1 in uit Excel (.xlsx) of CSV. De eerste rij bevat de kolomnamen: datum, alias en eventueel rol (deelnemer of vrijwilliger). U ziet eerst alle rijen; alleen de goede rijen worden opgeslagen.</translation>
        </message>
        <message>
            <source>Nog geen bestand gekozen.</source>
            <translation>Nog geen bestand gekozen.</translation>
        </message>
        <message>
            <source>&amp;Bestand kiezen...</source>
            <translation>&amp;Bestand kiezen...</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Presentielijst kiezen</source>
            <translation>Presentielijst kiezen</translation>
        </message>
        <message>
            <source>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</source>
            <translation>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</translation>
        </message>
        <message>
            <source>Bezig met lezen...</source>
            <translation>Bezig met lezen...</translation>
        </message>
        <message>
            <source>Lijst lezen...</source>
            <translation>Lijst lezen...</translation>
        </message>
        <message>
            <source>Presentielijst lezen</source>
            <translation>Presentielijst lezen</translation>
        </message>
        <message numerus="yes">
            <source>%n rij is goed</source>
            <translation>
                <numerusform>%n rij is goed</numerusform>
                <numerusform>%n rij is goed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn goed</source>
            <translation>
                <numerusform>%n rijen zijn goed</numerusform>
                <numerusform>%n rijen zijn goed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rij is niet goed (rood, met de reden)</source>
            <translation>
                <numerusform>%n rij is niet goed (rood, met de reden)</numerusform>
                <numerusform>%n rij is niet goed (rood, met de reden)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn niet goed (rood, met de reden)</source>
            <translation>
                <numerusform>%n rijen zijn niet goed (rood, met de reden)</numerusform>
                <numerusform>%n rijen zijn niet goed (rood, met de reden)</numerusform>
            </translation>
        </message>
        <message>
            <source>Klik op Opslaan om de goede rijen op te slaan.</source>
            <translation>Klik op Opslaan om de goede rijen op te slaan.</translation>
        </message>
        <message>
            <source>Er is niets om op te slaan. Verbeter het bestand en kies het opnieuw.</source>
            <translation>Er is niets om op te slaan. Verbeter het bestand en kies het opnieuw.</translation>
        </message>
        <message>
            <source>Aanwezigheid opslaan...</source>
            <translation>Aanwezigheid opslaan...</translation>
        </message>
        <message>
            <source>Presentielijst opslaan</source>
            <translation>Presentielijst opslaan</translation>
        </message>
        <message>
            <source>Het opslaan is gestopt. Wat al was opgeslagen, blijft bewaard; lees het bestand opnieuw in voor de rest.</source>
            <translation>Het opslaan is gestopt. Wat al was opgeslagen, blijft bewaard; lees het bestand opnieuw in voor de rest.</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Sluiten</translation>
        </message>
        <message numerus="yes">
            <source>%n aanwezigheid opgeslagen.</source>
            <translation>
                <numerusform>%n aanwezigheid opgeslagen.</numerusform>
                <numerusform>%n aanwezigheid opgeslagen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n aanwezigheden opgeslagen.</source>
            <translation>
                <numerusform>%n aanwezigheden opgeslagen.</numerusform>
                <numerusform>%n aanwezigheden opgeslagen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe bijeenkomst aangemaakt.</source>
            <translation>
                <numerusform>%n nieuwe bijeenkomst aangemaakt.</numerusform>
                <numerusform>%n nieuwe bijeenkomst aangemaakt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe bijeenkomsten aangemaakt.</source>
            <translation>
                <numerusform>%n nieuwe bijeenkomsten aangemaakt.</numerusform>
                <numerusform>%n nieuwe bijeenkomsten aangemaakt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe inwoner toegevoegd (alleen met alias).</source>
            <translation>
                <numerusform>%n nieuwe inwoner toegevoegd (alleen met alias).</numerusform>
                <numerusform>%n nieuwe inwoner toegevoegd (alleen met alias).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe inwoners toegevoegd (alleen met alias).</source>
            <translation>
                <numerusform>%n nieuwe inwoners toegevoegd (alleen met alias).</numerusform>
                <numerusform>%n nieuwe inwoners toegevoegd (alleen met alias).</numerusform>
            </translation>
        </message>
        <message>
            <source>Het opslaan is gestopt; de rest is niet opgeslagen.</source>
            <translation>Het opslaan is gestopt; de rest is niet opgeslagen.</translation>
        </message>
        <message>
            <source>Deze rijen zijn niet opgeslagen:</source>
            <translation>Deze rijen zijn niet opgeslagen:</translation>
        </message>
    </context>
    <context>
        <name>AttendancePreviewModel</name>
        <message>
            <source>Rij</source>
            <translation>Rij</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
        <message>
            <source>Goed</source>
            <translation>Goed</translation>
        </message>
        <message>
            <source>Niet goed</source>
            <translation>Niet goed</translation>
        </message>
    </context>
    <context>
        <name>Beheer</name>
        <message>
            <source>buurt</source>
            <translation>buurt</translation>
        </message>
        <message>
            <source>vindplaats</source>
            <translation>vindplaats</translation>
        </message>
        <message>
            <source>organisatie</source>
            <translation>organisatie</translation>
        </message>
        <message>
            <source>dienst</source>
            <translation>dienst</translation>
        </message>
        <message>
            <source>activiteit</source>
            <translation>activiteit</translation>
        </message>
        <message>
            <source>doelgroep</source>
            <translation>doelgroep</translation>
        </message>
        <message>
            <source>onderwerp</source>
            <translation>onderwerp</translation>
        </message>
        <message>
            <source>spoor</source>
            <translation>spoor</translation>
        </message>
        <message>
            <source>programmalijn</source>
            <translation>programmalijn</translation>
        </message>
        <message>
            <source>Buurten</source>
            <translation>Buurten</translation>
        </message>
        <message>
            <source>Vindplaatsen</source>
            <translation>Vindplaatsen</translation>
        </message>
        <message>
            <source>Organisaties</source>
            <translation>Organisaties</translation>
        </message>
        <message>
            <source>Diensten</source>
            <translation>Diensten</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activiteiten</translation>
        </message>
        <message>
            <source>Doelgroepen</source>
            <translation>Doelgroepen</translation>
        </message>
        <message>
            <source>Onderwerpen</source>
            <translation>Onderwerpen</translation>
        </message>
        <message>
            <source>Sporen</source>
            <translation>Sporen</translation>
        </message>
        <message>
            <source>Programmalijnen</source>
            <translation>Programmalijnen</translation>
        </message>
    </context>
    <context>
        <name>BoardColumn</name>
        <message>
            <source>de %1 laatste</source>
            <translation>de %1 laatste</translation>
        </message>
        <message numerus="yes">
            <source>%n te laat</source>
            <translation>
                <numerusform>%n te laat</numerusform>
                <numerusform>%n te laat</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BugDialog</name>
        <message>
            <source>Er ging iets mis</source>
            <translation>Er ging iets mis</translation>
        </message>
        <message>
            <source>Sorry, er ging iets mis in Gezond Desktop. Wat u al had opgeslagen, is bewaard. Probeer het nog eens. Gebeurt het opnieuw, kopieer dan de details en stuur ze naar uw beheerder.</source>
            <translation>Sorry, er ging iets mis in Gezond Desktop. Wat u al had opgeslagen, is bewaard. Probeer het nog eens. Gebeurt het opnieuw, kopieer dan de details en stuur ze naar uw beheerder.</translation>
        </message>
        <message>
            <source>Details kopiëren</source>
            <translation>Details kopiëren</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>De details staan nu op het klembord.</source>
            <translation>De details staan nu op het klembord.</translation>
        </message>
    </context>
    <context>
        <name>ChipGroup</name>
        <message>
            <source>Toets %1 of spatie om aan of uit te zetten</source>
            <translation>Toets %1 of spatie om aan of uit te zetten</translation>
        </message>
    </context>
    <context>
        <name>ChipList</name>
        <message>
            <source>Klik, of toets Delete, om %1 weg te halen</source>
            <translation>Klik, of toets Delete, om %1 weg te halen</translation>
        </message>
        <message>
            <source>%1, weghalen</source>
            <translation>%1, weghalen</translation>
        </message>
    </context>
    <context>
        <name>Common</name>
        <message>
            <source>Nog niet gesynchroniseerd</source>
            <translation>Nog niet gesynchroniseerd</translation>
        </message>
        <message>
            <source>Laatst gesynchroniseerd: %1</source>
            <translation>Laatst gesynchroniseerd: %1</translation>
        </message>
        <message>
            <source>Niet-gedeelde wijzigingen: onbekend</source>
            <translation>Niet-gedeelde wijzigingen: onbekend</translation>
        </message>
        <message>
            <source>Niet-gedeelde wijzigingen: %1</source>
            <translation>Niet-gedeelde wijzigingen: %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Conflict bekijken</source>
            <translation>Conflict bekijken</translation>
        </message>
        <message>
            <source>Twee computers hebben dit tegelijk veranderd. De app heeft links gekozen; de andere waarde is bewaard. Kies welke waarde blijft. Uw keuze gaat bij de volgende synchronisatie naar alle computers.</source>
            <translation>Twee computers hebben dit tegelijk veranderd. De app heeft links gekozen; de andere waarde is bewaard. Kies welke waarde blijft. Uw keuze gaat bij de volgende synchronisatie naar alle computers.</translation>
        </message>
        <message>
            <source>Nu in gebruik</source>
            <translation>Nu in gebruik</translation>
        </message>
        <message>
            <source>Andere waarde</source>
            <translation>Andere waarde</translation>
        </message>
        <message>
            <source>Door:</source>
            <translation>Door:</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <source>Wanneer:</source>
            <translation>Wanneer:</translation>
        </message>
        <message>
            <source>Computer:</source>
            <translation>Computer:</translation>
        </message>
        <message>
            <source>Deze &amp;houden</source>
            <translation>Deze &amp;houden</translation>
        </message>
        <message>
            <source>Deze h&amp;ouden</source>
            <translation>Deze h&amp;ouden</translation>
        </message>
        <message>
            <source>Deze statusstap past niet in de volgorde. Zet de verwijzing zo nodig met een nieuwe stap goed.</source>
            <translation>Deze statusstap past niet in de volgorde. Zet de verwijzing zo nodig met een nieuwe stap goed.</translation>
        </message>
        <message>
            <source>Deze dubbele aanwezigheid is al samengevoegd.</source>
            <translation>Deze dubbele aanwezigheid is al samengevoegd.</translation>
        </message>
        <message>
            <source>Later beslissen</source>
            <translation>Later beslissen</translation>
        </message>
        <message>
            <source>Keuze opslaan</source>
            <translation>Keuze opslaan</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <source>Wat</source>
            <translation>Wat</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Over</translation>
        </message>
        <message>
            <source>Nu in gebruik</source>
            <translation>Nu in gebruik</translation>
        </message>
        <message>
            <source>Andere waarde</source>
            <translation>Andere waarde</translation>
        </message>
        <message>
            <source>Gevonden op</source>
            <translation>Gevonden op</translation>
        </message>
    </context>
    <context>
        <name>ConsentDialog</name>
        <message>
            <source>Toestemming vastleggen</source>
            <translation>Toestemming vastleggen</translation>
        </message>
        <message>
            <source>&amp;Waarvoor:</source>
            <translation>&amp;Waarvoor:</translation>
        </message>
        <message>
            <source>&amp;Gegeven op:</source>
            <translation>&amp;Gegeven op:</translation>
        </message>
        <message>
            <source>Vastleggen</source>
            <translation>Vastleggen</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>ContactsPage</name>
        <message>
            <source>Ja</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>Nee</translation>
        </message>
        <message>
            <source>Contacten</source>
            <translation>Contacten</translation>
        </message>
        <message>
            <source>Alle contacten</source>
            <translation>Alle contacten</translation>
        </message>
        <message>
            <source>Enter of dubbelklik: aanpassen. Delete: verwijderen.</source>
            <translation>Enter of dubbelklik: aanpassen. Delete: verwijderen.</translation>
        </message>
        <message>
            <source>&amp;Aanpassen</source>
            <translation>&amp;Aanpassen</translation>
        </message>
        <message>
            <source>Verwij&amp;deren...</source>
            <translation>Verwij&amp;deren...</translation>
        </message>
        <message>
            <source>Er is een niet-opgeslagen contact gevonden van %1. Terugzetten?</source>
            <translation>Er is een niet-opgeslagen contact gevonden van %1. Terugzetten?</translation>
        </message>
        <message>
            <source>Alle buurten</source>
            <translation>Alle buurten</translation>
        </message>
        <message>
            <source>Alle vindplaatsen</source>
            <translation>Alle vindplaatsen</translation>
        </message>
        <message>
            <source>Alle medewerkers</source>
            <translation>Alle medewerkers</translation>
        </message>
        <message>
            <source>Alle onderwerpen</source>
            <translation>Alle onderwerpen</translation>
        </message>
        <message>
            <source>Zoek in notities en vindplaatsen (Ctrl+F)</source>
            <translation>Zoek in notities en vindplaatsen (Ctrl+F)</translation>
        </message>
        <message>
            <source>Filters wissen</source>
            <translation>Filters wissen</translation>
        </message>
        <message>
            <source>Van</source>
            <translation>Van</translation>
        </message>
        <message>
            <source>Tot en met</source>
            <translation>Tot en met</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Vindplaats</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Medewerker</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <source>&amp;Zoeken</source>
            <translation>&amp;Zoeken</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>Zoeken...</source>
            <translation>Zoeken...</translation>
        </message>
        <message>
            <source>Contacten zoeken</source>
            <translation>Contacten zoeken</translation>
        </message>
        <message>
            <source>Meer dan %1 contacten (tellen...)</source>
            <translation>Meer dan %1 contacten (tellen...)</translation>
        </message>
        <message>
            <source>Meer dan %1 contacten</source>
            <translation>Meer dan %1 contacten</translation>
        </message>
        <message>
            <source>Contacten tellen</source>
            <translation>Contacten tellen</translation>
        </message>
        <message>
            <source>1 contact</source>
            <translation>1 contact</translation>
        </message>
        <message>
            <source>%1 contacten</source>
            <translation>%1 contacten</translation>
        </message>
        <message>
            <source>Contact aanpassen</source>
            <translation>Contact aanpassen</translation>
        </message>
        <message>
            <source>In het formulier staat een contact dat nog niet is opgeslagen. Wilt u dat weggooien en dit contact openen?</source>
            <translation>In het formulier staat een contact dat nog niet is opgeslagen. Wilt u dat weggooien en dit contact openen?</translation>
        </message>
        <message>
            <source>Contact verwijderen</source>
            <translation>Contact verwijderen</translation>
        </message>
        <message>
            <source>Het contact van %1 verwijderen? Het telt dan niet meer mee in de overzichten.</source>
            <translation>Het contact van %1 verwijderen? Het telt dan niet meer mee in de overzichten.</translation>
        </message>
        <message>
            <source>Verwijderen lukte niet</source>
            <translation>Verwijderen lukte niet</translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message>
            <source>Contacten</source>
            <translation>Contacten</translation>
        </message>
        <message>
            <source>Inwoners</source>
            <translation>Inwoners</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Verwijzingen</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activiteiten</translation>
        </message>
        <message>
            <source>Bijeenkomsten</source>
            <translation>Bijeenkomsten</translation>
        </message>
        <message>
            <source>Deelnames</source>
            <translation>Deelnames</translation>
        </message>
        <message>
            <source>Buurten</source>
            <translation>Buurten</translation>
        </message>
    </context>
    <context>
        <name>CountsForm</name>
        <message>
            <source>onbekend</source>
            <translation>onbekend</translation>
        </message>
    </context>
    <context>
        <name>CreateTeamDialog</name>
        <message>
            <source>Nieuw team maken</source>
            <translation>Nieuw team maken</translation>
        </message>
        <message>
            <source>Kies een lege map die alle computers van het team kunnen bereiken: een netwerkschijf, een gedeelde cloudmap of een USB-stick. Daar komen de gedeelde gegevens, versleuteld. De app maakt ook een uitnodigingsbestand. Bewaar dat buiten de gedeelde map en geef het alleen aan collega's van het team.</source>
            <translation>Kies een lege map die alle computers van het team kunnen bereiken: een netwerkschijf, een gedeelde cloudmap of een USB-stick. Daar komen de gedeelde gegevens, versleuteld. De app maakt ook een uitnodigingsbestand. Bewaar dat buiten de gedeelde map en geef het alleen aan collega's van het team.</translation>
        </message>
        <message>
            <source>Gedeelde &amp;map:</source>
            <translation>Gedeelde &amp;map:</translation>
        </message>
        <message>
            <source>&amp;Uitnodiging opslaan als:</source>
            <translation>&amp;Uitnodiging opslaan als:</translation>
        </message>
        <message>
            <source>Team &amp;maken</source>
            <translation>Team &amp;maken</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Gedeelde map kiezen</source>
            <translation>Gedeelde map kiezen</translation>
        </message>
        <message>
            <source>Uitnodiging opslaan</source>
            <translation>Uitnodiging opslaan</translation>
        </message>
        <message>
            <source>Uitnodiging (*.json)</source>
            <translation>Uitnodiging (*.json)</translation>
        </message>
        <message>
            <source>Kies de gedeelde map waar de gegevens van het team komen.</source>
            <translation>Kies de gedeelde map waar de gegevens van het team komen.</translation>
        </message>
        <message>
            <source>Dit is een bestand, geen map. Kies een map.</source>
            <translation>Dit is een bestand, geen map. Kies een map.</translation>
        </message>
        <message>
            <source>Kies waar het uitnodigingsbestand wordt opgeslagen.</source>
            <translation>Kies waar het uitnodigingsbestand wordt opgeslagen.</translation>
        </message>
        <message>
            <source>Bewaar de uitnodiging niet in de gedeelde map: wie die map kan openen, kan dan alles lezen. Kies een andere plek.</source>
            <translation>Bewaar de uitnodiging niet in de gedeelde map: wie die map kan openen, kan dan alles lezen. Kies een andere plek.</translation>
        </message>
        <message>
            <source>Deze map bestaat niet. Kies een andere plek voor de uitnodiging.</source>
            <translation>Deze map bestaat niet. Kies een andere plek voor de uitnodiging.</translation>
        </message>
        <message>
            <source>Team maken</source>
            <translation>Team maken</translation>
        </message>
    </context>
    <context>
        <name>DraftBanner</name>
        <message>
            <source>&amp;Terugzetten</source>
            <translation>&amp;Terugzetten</translation>
        </message>
        <message>
            <source>&amp;Weggooien</source>
            <translation>&amp;Weggooien</translation>
        </message>
    </context>
    <context>
        <name>Drafts</name>
        <message>
            <source>vandaag om %1</source>
            <translation>vandaag om %1</translation>
        </message>
        <message>
            <source>gisteren om %1</source>
            <translation>gisteren om %1</translation>
        </message>
        <message>
            <source>%1 om %2</source>
            <translation>%1 om %2</translation>
        </message>
    </context>
    <context>
        <name>EncounterForm</name>
        <message>
            <source>Nieuw contact</source>
            <translation>Nieuw contact</translation>
        </message>
        <message>
            <source>Stoppen met aanpassen</source>
            <translation>Stoppen met aanpassen</translation>
        </message>
        <message>
            <source>&amp;Datum en tijd</source>
            <translation>&amp;Datum en tijd</translation>
        </message>
        <message>
            <source>&amp;Soort contact</source>
            <translation>&amp;Soort contact</translation>
        </message>
        <message>
            <source>(geen buurt)</source>
            <translation>(geen buurt)</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Buurt</translation>
        </message>
        <message>
            <source>(geen vindplaats)</source>
            <translation>(geen vindplaats)</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Vindplaats</translation>
        </message>
        <message>
            <source>Anoniem: alleen het aantal. Kies hieronder inwoners als u ze kent.</source>
            <translation>Anoniem: alleen het aantal. Kies hieronder inwoners als u ze kent.</translation>
        </message>
        <message>
            <source>Aantal &amp;mensen</source>
            <translation>Aantal &amp;mensen</translation>
        </message>
        <message>
            <source>&amp;Inwoners</source>
            <translation>&amp;Inwoners</translation>
        </message>
        <message>
            <source>&amp;Onderwerpen</source>
            <translation>&amp;Onderwerpen</translation>
        </message>
        <message>
            <source>S&amp;poren</source>
            <translation>S&amp;poren</translation>
        </message>
        <message>
            <source>Wat is er besproken? Schrijf geen namen of gegevens die u niet nodig heeft.</source>
            <translation>Wat is er besproken? Schrijf geen namen of gegevens die u niet nodig heeft.</translation>
        </message>
        <message>
            <source>&amp;Notitie</source>
            <translation>&amp;Notitie</translation>
        </message>
        <message>
            <source>Ja, op</source>
            <translation>Ja, op</translation>
        </message>
        <message>
            <source>Opvo&amp;lgen</source>
            <translation>Opvo&amp;lgen</translation>
        </message>
        <message>
            <source>Opslaan (Ctrl+Enter)</source>
            <translation>Opslaan (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Leegmaken</source>
            <translation>Leegmaken</translation>
        </message>
        <message>
            <source>Contact aanpassen</source>
            <translation>Contact aanpassen</translation>
        </message>
        <message>
            <source>U past het contact van %1 aan.</source>
            <translation>U past het contact van %1 aan.</translation>
        </message>
        <message>
            <source>Deze buurt staat niet in de lijst. Kies een buurt uit de lijst, of maak het veld leeg.</source>
            <translation>Deze buurt staat niet in de lijst. Kies een buurt uit de lijst, of maak het veld leeg.</translation>
        </message>
        <message>
            <source>Deze vindplaats staat niet in de lijst. Kies een vindplaats uit de lijst, of maak het veld leeg.</source>
            <translation>Deze vindplaats staat niet in de lijst. Kies een vindplaats uit de lijst, of maak het veld leeg.</translation>
        </message>
        <message>
            <source>Deze inwoner is nog niet gekozen. Kies een inwoner uit de lijst (Enter), of maak het veld leeg.</source>
            <translation>Deze inwoner is nog niet gekozen. Kies een inwoner uit de lijst (Enter), of maak het veld leeg.</translation>
        </message>
        <message>
            <source>Contact aangepast (%1).</source>
            <translation>Contact aangepast (%1).</translation>
        </message>
        <message>
            <source>Contact opgeslagen (%1). U kunt het volgende contact invullen.</source>
            <translation>Contact opgeslagen (%1). U kunt het volgende contact invullen.</translation>
        </message>
    </context>
    <context>
        <name>EncounterListModel</name>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Vindplaats</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Aantal</source>
            <translation>Aantal</translation>
        </message>
        <message>
            <source>Onderwerpen</source>
            <translation>Onderwerpen</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Medewerker</translation>
        </message>
        <message>
            <source>Opvolgen</source>
            <translation>Opvolgen</translation>
        </message>
        <message>
            <source>Notitie</source>
            <translation>Notitie</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>Gegevens wissen</source>
            <translation>Gegevens wissen</translation>
        </message>
        <message>
            <source>U wist de persoonlijke gegevens van %1: naam, telefoonnummer, e-mailadres en notities, en ook de notities bij contacten en verwijzingen van deze inwoner. Dat gebeurt op deze computer, in de hub en op de andere apparaten zodra die synchroniseren.

Wat blijft: de contacten, deelnames en verwijzingen zelf, met buurt, geboortejaar en doelgroepen, zodat de aantallen in de rapportages kloppen. De inwoner krijgt een nieuwe naam zonder betekenis.

Dit kan niet ongedaan worden gemaakt.</source>
            <translation>U wist de persoonlijke gegevens van %1: naam, telefoonnummer, e-mailadres en notities, en ook de notities bij contacten en verwijzingen van deze inwoner. Dat gebeurt op deze computer, in de hub en op de andere apparaten zodra die synchroniseren.

Wat blijft: de contacten, deelnames en verwijzingen zelf, met buurt, geboortejaar en doelgroepen, zodat de aantallen in de rapportages kloppen. De inwoner krijgt een nieuwe naam zonder betekenis.

Dit kan niet ongedaan worden gemaakt.</translation>
        </message>
        <message>
            <source>Gegevens &amp;wissen</source>
            <translation>Gegevens &amp;wissen</translation>
        </message>
        <message>
            <source>Reden (zonder namen):</source>
            <translation>Reden (zonder namen):</translation>
        </message>
        <message>
            <source>Verzoek van de inwoner</source>
            <translation>Verzoek van de inwoner</translation>
        </message>
        <message>
            <source>Toestemming ingetrokken</source>
            <translation>Toestemming ingetrokken</translation>
        </message>
        <message>
            <source>Gegevens niet meer nodig</source>
            <translation>Gegevens niet meer nodig</translation>
        </message>
        <message>
            <source>Wissen lukte niet</source>
            <translation>Wissen lukte niet</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Dat lukte niet</source>
            <translation>Dat lukte niet</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Deze map lijkt in een cloudmap te staan (zoals OneDrive of Dropbox). Het synchroniseren daarvan kan de gegevens beschadigen. Kies liever een map op deze computer.</source>
            <translation>Deze map lijkt in een cloudmap te staan (zoals OneDrive of Dropbox). Het synchroniseren daarvan kan de gegevens beschadigen. Kies liever een map op deze computer.</translation>
        </message>
        <message>
            <source>Deze map staat op een netwerkschijf. Als de verbinding wegvalt, kunnen gegevens verloren gaan. Kies liever een map op deze computer.</source>
            <translation>Deze map staat op een netwerkschijf. Als de verbinding wegvalt, kunnen gegevens verloren gaan. Kies liever een map op deze computer.</translation>
        </message>
        <message>
            <source>Welkom bij Gezond Desktop</source>
            <translation>Welkom bij Gezond Desktop</translation>
        </message>
        <message>
            <source>Vertel wie er op deze computer werkt. U kunt dit later nog wijzigen.</source>
            <translation>Vertel wie er op deze computer werkt. U kunt dit later nog wijzigen.</translation>
        </message>
        <message>
            <source>Kies uw rol</source>
            <translation>Kies uw rol</translation>
        </message>
        <message>
            <source>Geen organisatie</source>
            <translation>Geen organisatie</translation>
        </message>
        <message>
            <source>Wijzigen...</source>
            <translation>Wijzigen...</translation>
        </message>
        <message>
            <source>Uw naam:</source>
            <translation>Uw naam:</translation>
        </message>
        <message>
            <source>Uw rol:</source>
            <translation>Uw rol:</translation>
        </message>
        <message>
            <source>Organisatie:</source>
            <translation>Organisatie:</translation>
        </message>
        <message>
            <source>Gebruikersnaam om aan te melden:</source>
            <translation>Gebruikersnaam om aan te melden:</translation>
        </message>
        <message>
            <source>Wachtwoord:</source>
            <translation>Wachtwoord:</translation>
        </message>
        <message>
            <source>Wachtwoord nogmaals:</source>
            <translation>Wachtwoord nogmaals:</translation>
        </message>
        <message>
            <source>Naam van deze computer:</source>
            <translation>Naam van deze computer:</translation>
        </message>
        <message>
            <source>Map voor de gegevens:</source>
            <translation>Map voor de gegevens:</translation>
        </message>
        <message>
            <source>Beginnen</source>
            <translation>Beginnen</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Kies een map voor de gegevens</source>
            <translation>Kies een map voor de gegevens</translation>
        </message>
        <message>
            <source>Vul uw naam in.</source>
            <translation>Vul uw naam in.</translation>
        </message>
        <message>
            <source>Kies uw rol.</source>
            <translation>Kies uw rol.</translation>
        </message>
        <message>
            <source>Vul een naam in voor deze computer.</source>
            <translation>Vul een naam in voor deze computer.</translation>
        </message>
        <message>
            <source>Kies een map voor de gegevens.</source>
            <translation>Kies een map voor de gegevens.</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Sluiten</source>
            <translation>Sluiten</translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe waarde toegevoegd.</source>
            <translation>
                <numerusform>%n nieuwe waarde toegevoegd.</numerusform>
                <numerusform>%n nieuwe waarde toegevoegd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe waarden toegevoegd.</source>
            <translation>
                <numerusform>%n nieuwe waarden toegevoegd.</numerusform>
                <numerusform>%n nieuwe waarden toegevoegd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bestaande waarde bijgewerkt.</source>
            <translation>
                <numerusform>%n bestaande waarde bijgewerkt.</numerusform>
                <numerusform>%n bestaande waarde bijgewerkt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bestaande waarden bijgewerkt.</source>
            <translation>
                <numerusform>%n bestaande waarden bijgewerkt.</numerusform>
                <numerusform>%n bestaande waarden bijgewerkt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stond er al en is niet veranderd.</source>
            <translation>
                <numerusform>%n stond er al en is niet veranderd.</numerusform>
                <numerusform>%n stond er al en is niet veranderd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stonden er al en zijn niet veranderd.</source>
            <translation>
                <numerusform>%n stonden er al en zijn niet veranderd.</numerusform>
                <numerusform>%n stonden er al en zijn niet veranderd.</numerusform>
            </translation>
        </message>
        <message>
            <source>Het inlezen is gestopt. Wat tot dan toe is ingelezen, is opgeslagen.</source>
            <translation>Het inlezen is gestopt. Wat tot dan toe is ingelezen, is opgeslagen.</translation>
        </message>
        <message numerus="yes">
            <source>%n rij is niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</source>
            <translation>
                <numerusform>%n rij is niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</numerusform>
                <numerusform>%n rij is niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rijen zijn niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</source>
            <translation>
                <numerusform>%n rijen zijn niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</numerusform>
                <numerusform>%n rijen zijn niet opgeslagen. Verbeter die en lees het bestand opnieuw in.</numerusform>
            </translation>
        </message>
        <message>
            <source>Alle rijen zijn goed ingelezen.</source>
            <translation>Alle rijen zijn goed ingelezen.</translation>
        </message>
    </context>
    <context>
        <name>JoinTeamDialog</name>
        <message>
            <source>Aansluiten bij een team</source>
            <translation>Aansluiten bij een team</translation>
        </message>
        <message>
            <source>Uw coördinator geeft u een uitnodigingsbestand (bijvoorbeeld op een USB-stick). Kies dat bestand. Daarna deelt deze computer zijn gegevens met het team.</source>
            <translation>Uw coördinator geeft u een uitnodigingsbestand (bijvoorbeeld op een USB-stick). Kies dat bestand. Daarna deelt deze computer zijn gegevens met het team.</translation>
        </message>
        <message>
            <source>&amp;Uitnodiging:</source>
            <translation>&amp;Uitnodiging:</translation>
        </message>
        <message>
            <source>&amp;Aansluiten</source>
            <translation>&amp;Aansluiten</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Uitnodiging kiezen</source>
            <translation>Uitnodiging kiezen</translation>
        </message>
        <message>
            <source>Uitnodiging (*.json);;Alle bestanden (*)</source>
            <translation>Uitnodiging (*.json);;Alle bestanden (*)</translation>
        </message>
        <message>
            <source>Kies het uitnodigingsbestand dat u van uw coördinator kreeg.</source>
            <translation>Kies het uitnodigingsbestand dat u van uw coördinator kreeg.</translation>
        </message>
        <message>
            <source>Dit bestand bestaat niet. Kies het uitnodigingsbestand opnieuw.</source>
            <translation>Dit bestand bestaat niet. Kies het uitnodigingsbestand opnieuw.</translation>
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
            <translation>Sleutelfiguur</translation>
        </message>
        <message>
            <source>Welzijnscoach</source>
            <translation>Welzijnscoach</translation>
        </message>
        <message>
            <source>Coördinator</source>
            <translation>Coördinator</translation>
        </message>
        <message>
            <source>Beheerder</source>
            <translation>Beheerder</translation>
        </message>
        <message>
            <source>Babycafé (Sjpruutcafé)</source>
            <translation>Babycafé (Sjpruutcafé)</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Sportaccommodatie</source>
            <translation>Sportaccommodatie</translation>
        </message>
        <message>
            <source>Huisartsenpraktijk</source>
            <translation>Huisartsenpraktijk</translation>
        </message>
        <message>
            <source>Consultatiebureau</source>
            <translation>Consultatiebureau</translation>
        </message>
        <message>
            <source>Buurthuis / buurtkamer</source>
            <translation>Buurthuis / buurtkamer</translation>
        </message>
        <message>
            <source>Moskee / cultureel centrum</source>
            <translation>Moskee / cultureel centrum</translation>
        </message>
        <message>
            <source>Op straat</source>
            <translation>Op straat</translation>
        </message>
        <message>
            <source>Leefstijlloket</source>
            <translation>Leefstijlloket</translation>
        </message>
        <message>
            <source>Huisbezoek</source>
            <translation>Huisbezoek</translation>
        </message>
        <message>
            <source>Anders</source>
            <translation>Anders</translation>
        </message>
        <message>
            <source>Welzijnsorganisatie</source>
            <translation>Welzijnsorganisatie</translation>
        </message>
        <message>
            <source>Gezondheidsdienst</source>
            <translation>Gezondheidsdienst</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <source>Woningcorporatie</source>
            <translation>Woningcorporatie</translation>
        </message>
        <message>
            <source>Sport</source>
            <translation>Sport</translation>
        </message>
        <message>
            <source>Stichting / fonds</source>
            <translation>Stichting / fonds</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Vindplaats</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Telefoon</translation>
        </message>
        <message>
            <source>Groep</source>
            <translation>Groep</translation>
        </message>
        <message>
            <source>Niet vastgelegd</source>
            <translation>Niet vastgelegd</translation>
        </message>
        <message>
            <source>Vrouw</source>
            <translation>Vrouw</translation>
        </message>
        <message>
            <source>Man</source>
            <translation>Man</translation>
        </message>
        <message>
            <source>Welzijn op Recept</source>
            <translation>Welzijn op Recept</translation>
        </message>
        <message>
            <source>Huisarts</source>
            <translation>Huisarts</translation>
        </message>
        <message>
            <source>Praktijkondersteuner (POH-GGZ)</source>
            <translation>Praktijkondersteuner (POH-GGZ)</translation>
        </message>
        <message>
            <source>Wijkteam</source>
            <translation>Wijkteam</translation>
        </message>
        <message>
            <source>Inwoner zelf</source>
            <translation>Inwoner zelf</translation>
        </message>
        <message>
            <source>Aangemeld</source>
            <translation>Aangemeld</translation>
        </message>
        <message>
            <source>Contact gelegd</source>
            <translation>Contact gelegd</translation>
        </message>
        <message>
            <source>Bij intake</source>
            <translation>Bij intake</translation>
        </message>
        <message>
            <source>Loopt</source>
            <translation>Loopt</translation>
        </message>
        <message>
            <source>Straat / pop-up</source>
            <translation>Straat / pop-up</translation>
        </message>
        <message>
            <source>Op een vindplaats</source>
            <translation>Op een vindplaats</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>Afgerond</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <source>Gestopt</source>
            <translation>Gestopt</translation>
        </message>
        <message>
            <source>Niet bereikt</source>
            <translation>Niet bereikt</translation>
        </message>
        <message>
            <source>Meedoen aan een activiteit</source>
            <translation>Meedoen aan een activiteit</translation>
        </message>
        <message>
            <source>Vrijwilligerswerk</source>
            <translation>Vrijwilligerswerk</translation>
        </message>
        <message>
            <source>Hulp of dienst van een organisatie</source>
            <translation>Hulp of dienst van een organisatie</translation>
        </message>
        <message>
            <source>Cursus of training</source>
            <translation>Cursus of training</translation>
        </message>
        <message>
            <source>Geen verdere hulp nodig</source>
            <translation>Geen verdere hulp nodig</translation>
        </message>
        <message>
            <source>Bij afsluiten</source>
            <translation>Bij afsluiten</translation>
        </message>
        <message>
            <source>Deelnemer</source>
            <translation>Deelnemer</translation>
        </message>
        <message>
            <source>Vrijwilliger</source>
            <translation>Vrijwilliger</translation>
        </message>
        <message>
            <source>Elke week</source>
            <translation>Elke week</translation>
        </message>
        <message>
            <source>Om de week</source>
            <translation>Om de week</translation>
        </message>
        <message>
            <source>Elke maand</source>
            <translation>Elke maand</translation>
        </message>
        <message>
            <source>Eenmalig</source>
            <translation>Eenmalig</translation>
        </message>
        <message>
            <source>Onregelmatig</source>
            <translation>Onregelmatig</translation>
        </message>
        <message>
            <source>Vastleggen van gegevens</source>
            <translation>Vastleggen van gegevens</translation>
        </message>
        <message>
            <source>Opvolgen van een verwijzing</source>
            <translation>Opvolgen van een verwijzing</translation>
        </message>
        <message>
            <source>Contact opnemen</source>
            <translation>Contact opnemen</translation>
        </message>
        <message>
            <source>Lichaamsfuncties</source>
            <translation>Lichaamsfuncties</translation>
        </message>
        <message>
            <source>Mentaal welbevinden</source>
            <translation>Mentaal welbevinden</translation>
        </message>
        <message>
            <source>Zingeving</source>
            <translation>Zingeving</translation>
        </message>
        <message>
            <source>Kwaliteit van leven</source>
            <translation>Kwaliteit van leven</translation>
        </message>
        <message>
            <source>Meedoen</source>
            <translation>Meedoen</translation>
        </message>
        <message>
            <source>Dagelijks functioneren</source>
            <translation>Dagelijks functioneren</translation>
        </message>
        <message>
            <source>maandag</source>
            <translation>maandag</translation>
        </message>
        <message>
            <source>dinsdag</source>
            <translation>dinsdag</translation>
        </message>
        <message>
            <source>woensdag</source>
            <translation>woensdag</translation>
        </message>
        <message>
            <source>donderdag</source>
            <translation>donderdag</translation>
        </message>
        <message>
            <source>vrijdag</source>
            <translation>vrijdag</translation>
        </message>
        <message>
            <source>zaterdag</source>
            <translation>zaterdag</translation>
        </message>
        <message>
            <source>zondag</source>
            <translation>zondag</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Gezond Desktop is vergrendeld</source>
            <translation>Gezond Desktop is vergrendeld</translation>
        </message>
        <message>
            <source>U was een tijdje niet actief. Vul uw wachtwoord in om verder te werken als %1.</source>
            <translation>U was een tijdje niet actief. Vul uw wachtwoord in om verder te werken als %1.</translation>
        </message>
        <message>
            <source>Wachtwoord</source>
            <translation>Wachtwoord</translation>
        </message>
        <message>
            <source>Ontgrendelen</source>
            <translation>Ontgrendelen</translation>
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
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <source>Nieuw contact</source>
            <translation>Nieuw contact</translation>
        </message>
        <message>
            <source>Zoeken</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <source>Afsluiten</source>
            <translation>Afsluiten</translation>
        </message>
        <message>
            <source>&amp;Ga naar</source>
            <translation>&amp;Ga naar</translation>
        </message>
        <message>
            <source>&amp;Instellingen</source>
            <translation>&amp;Instellingen</translation>
        </message>
        <message>
            <source>Taal en voorkeuren...</source>
            <translation>Taal en voorkeuren...</translation>
        </message>
        <message>
            <source>Niemand aangemeld</source>
            <translation>Niemand aangemeld</translation>
        </message>
        <message>
            <source>Medewerker: %1 (%2)</source>
            <translation>Medewerker: %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Mijn taken</source>
            <translation>Mijn taken</translation>
        </message>
        <message>
            <source>Contacten</source>
            <translation>Contacten</translation>
        </message>
        <message>
            <source>Inwoners</source>
            <translation>Inwoners</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Verwijzingen</translation>
        </message>
        <message>
            <source>Activiteiten</source>
            <translation>Activiteiten</translation>
        </message>
        <message>
            <source>Rapportages</source>
            <translation>Rapportages</translation>
        </message>
        <message>
            <source>Synchronisatie</source>
            <translation>Synchronisatie</translation>
        </message>
        <message>
            <source>Beheer</source>
            <translation>Beheer</translation>
        </message>
        <message>
            <source>Accounts en audit</source>
            <translation>Accounts en audit</translation>
        </message>
    </context>
    <context>
        <name>NewReferralDialog</name>
        <message>
            <source>&amp;Verwijzing opslaan</source>
            <translation>&amp;Verwijzing opslaan</translation>
        </message>
        <message>
            <source>Nieuwe verwijzing</source>
            <translation>Nieuwe verwijzing</translation>
        </message>
        <message>
            <source>Nog geen inwoner gekozen</source>
            <translation>Nog geen inwoner gekozen</translation>
        </message>
        <message>
            <source>Nieuwe &amp;inwoner...</source>
            <translation>Nieuwe &amp;inwoner...</translation>
        </message>
        <message>
            <source>In&amp;woner</source>
            <translation>In&amp;woner</translation>
        </message>
        <message>
            <source>&amp;Route</source>
            <translation>&amp;Route</translation>
        </message>
        <message>
            <source>Verwezen &amp;door</source>
            <translation>Verwezen &amp;door</translation>
        </message>
        <message>
            <source>Geen vindplaats</source>
            <translation>Geen vindplaats</translation>
        </message>
        <message>
            <source>&amp;Vindplaats</source>
            <translation>&amp;Vindplaats</translation>
        </message>
        <message>
            <source>Geen organisatie</source>
            <translation>Geen organisatie</translation>
        </message>
        <message>
            <source>Verwijzende &amp;organisatie</source>
            <translation>Verwijzende &amp;organisatie</translation>
        </message>
        <message>
            <source>Nog niemand</source>
            <translation>Nog niemand</translation>
        </message>
        <message>
            <source>&amp;Coach</source>
            <translation>&amp;Coach</translation>
        </message>
        <message>
            <source>&amp;Aangemeld op</source>
            <translation>&amp;Aangemeld op</translation>
        </message>
        <message>
            <source>O&amp;pvolgen op</source>
            <translation>O&amp;pvolgen op</translation>
        </message>
        <message>
            <source>R&amp;eden van verwijzing</source>
            <translation>R&amp;eden van verwijzing</translation>
        </message>
        <message>
            <source>Kort, in de woorden van de inwoner</source>
            <translation>Kort, in de woorden van de inwoner</translation>
        </message>
        <message>
            <source>&amp;Bestemmingen (organisaties en activiteiten)</source>
            <translation>&amp;Bestemmingen (organisaties en activiteiten)</translation>
        </message>
        <message>
            <source>Zoek in de lijst</source>
            <translation>Zoek in de lijst</translation>
        </message>
        <message>
            <source>%1 (organisatie)</source>
            <translation>%1 (organisatie)</translation>
        </message>
        <message>
            <source>%1 (activiteit)</source>
            <translation>%1 (activiteit)</translation>
        </message>
        <message>
            <source>&amp;Scores Positieve Gezondheid bij intake</source>
            <translation>&amp;Scores Positieve Gezondheid bij intake</translation>
        </message>
        <message>
            <source>Gekozen: %1</source>
            <translation>Gekozen: %1</translation>
        </message>
        <message>
            <source>Kies de inwoner die wordt verwezen: typ een deel van de schuilnaam en druk op Enter, of kies 'Nieuwe inwoner'.</source>
            <translation>Kies de inwoner die wordt verwezen: typ een deel van de schuilnaam en druk op Enter, of kies 'Nieuwe inwoner'.</translation>
        </message>
        <message>
            <source>Kies een naam uit de lijst, of maak het veld leeg.</source>
            <translation>Kies een naam uit de lijst, of maak het veld leeg.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <source>Wat</source>
            <translation>Wat</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
        <message>
            <source>Bestand</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <source>Wacht op een nieuwere app</source>
            <translation>Wacht op een nieuwere app</translation>
        </message>
        <message>
            <source>Apart gezet</source>
            <translation>Apart gezet</translation>
        </message>
    </context>
    <context>
        <name>PurgeConfirmDialog</name>
        <message>
            <source>Opschonen</source>
            <translation>Opschonen</translation>
        </message>
        <message numerus="yes">
            <source>De bewaartermijn van %n inwoner(s) is verstreken. Van hen worden de naam, het telefoonnummer, het e-mailadres en alle notities gewist, op deze computer, in de hub en op de andere apparaten zodra die synchroniseren. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen in de rapportages kloppen.

Dit kan niet ongedaan worden gemaakt.</source>
            <translation>
                <numerusform>De bewaartermijn van %n inwoner(s) is verstreken. Van hen worden de naam, het telefoonnummer, het e-mailadres en alle notities gewist, op deze computer, in de hub en op de andere apparaten zodra die synchroniseren. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen in de rapportages kloppen.

Dit kan niet ongedaan worden gemaakt.</numerusform>
                <numerusform>De bewaartermijn van %n inwoner(s) is verstreken. Van hen worden de naam, het telefoonnummer, het e-mailadres en alle notities gewist, op deze computer, in de hub en op de andere apparaten zodra die synchroniseren. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen in de rapportages kloppen.

Dit kan niet ongedaan worden gemaakt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nu &amp;opschonen</source>
            <translation>Nu &amp;opschonen</translation>
        </message>
    </context>
    <context>
        <name>PurgePreviewModel</name>
        <message>
            <source>Inwoner</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
        <message>
            <source>Laatste datum</source>
            <translation>Laatste datum</translation>
        </message>
        <message>
            <source>Termijn verstreken op</source>
            <translation>Termijn verstreken op</translation>
        </message>
        <message>
            <source>Geen contact meer</source>
            <translation>Geen contact meer</translation>
        </message>
        <message>
            <source>Verwijzing afgesloten</source>
            <translation>Verwijzing afgesloten</translation>
        </message>
    </context>
    <context>
        <name>RecoverPasswordDialog</name>
        <message>
            <source>Wachtwoord vergeten</source>
            <translation>Wachtwoord vergeten</translation>
        </message>
        <message>
            <source>Met de herstelsleutel van uw coördinator of beheerder kiest u een nieuw wachtwoord. Uw gegevens blijven bewaard.</source>
            <translation>Met de herstelsleutel van uw coördinator of beheerder kiest u een nieuw wachtwoord. Uw gegevens blijven bewaard.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Gebruikersnaam:</translation>
        </message>
        <message>
            <source>&amp;Herstelsleutel:</source>
            <translation>&amp;Herstelsleutel:</translation>
        </message>
        <message>
            <source>&amp;Nieuw wachtwoord:</source>
            <translation>&amp;Nieuw wachtwoord:</translation>
        </message>
        <message>
            <source>Wachtwoord &amp;nogmaals:</source>
            <translation>Wachtwoord &amp;nogmaals:</translation>
        </message>
        <message>
            <source>Nieuw wachtwoord instellen</source>
            <translation>Nieuw wachtwoord instellen</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Herstelsleutel</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <source>Dit is de herstelsleutel van deze computer. Wie zijn wachtwoord vergeet, kiest hiermee een nieuw wachtwoord zonder gegevens te verliezen.</source>
            <translation>Dit is de herstelsleutel van deze computer. Wie zijn wachtwoord vergeet, kiest hiermee een nieuw wachtwoord zonder gegevens te verliezen.</translation>
        </message>
        <message>
            <source>Print dit of schrijf het op en bewaar het op een veilige plek, niet bij de computer. U ziet deze sleutel maar één keer. Een eerdere herstelsleutel werkt niet meer.</source>
            <translation>Print dit of schrijf het op en bewaar het op een veilige plek, niet bij de computer. U ziet deze sleutel maar één keer. Een eerdere herstelsleutel werkt niet meer.</translation>
        </message>
        <message>
            <source>Ik heb de herstelsleutel geprint of opgeschreven</source>
            <translation>Ik heb de herstelsleutel geprint of opgeschreven</translation>
        </message>
        <message>
            <source>Klaar</source>
            <translation>Klaar</translation>
        </message>
    </context>
    <context>
        <name>RefEditDialog</name>
        <message>
            <source>%1 wijzigen</source>
            <translation>%1 wijzigen</translation>
        </message>
        <message>
            <source>Nieuwe %1</source>
            <translation>Nieuwe %1</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <source>leeg laten: wordt gemaakt uit de naam</source>
            <translation>leeg laten: wordt gemaakt uit de naam</translation>
        </message>
        <message>
            <source>&amp;Code</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <source>&amp;Gemeente</source>
            <translation>&amp;Gemeente</translation>
        </message>
        <message>
            <source>&amp;Focusbuurt</source>
            <translation>&amp;Focusbuurt</translation>
        </message>
        <message>
            <source>(kies)</source>
            <translation>(kies)</translation>
        </message>
        <message>
            <source>&amp;Soort</source>
            <translation>&amp;Soort</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(geen)</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Buurt</translation>
        </message>
        <message>
            <source>&amp;Organisatie</source>
            <translation>&amp;Organisatie</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>RefPanel</name>
        <message>
            <source>&amp;Toevoegen</source>
            <translation>&amp;Toevoegen</translation>
        </message>
        <message>
            <source>&amp;Wijzigen</source>
            <translation>&amp;Wijzigen</translation>
        </message>
        <message>
            <source>Niet meer in gebr&amp;uik</source>
            <translation>Niet meer in gebr&amp;uik</translation>
        </message>
        <message>
            <source>I&amp;mporteren uit CSV of Excel...</source>
            <translation>I&amp;mporteren uit CSV of Excel...</translation>
        </message>
        <message>
            <source>Weer in gebr&amp;uik</source>
            <translation>Weer in gebr&amp;uik</translation>
        </message>
        <message>
            <source>%1 is opgeslagen.</source>
            <translation>%1 is opgeslagen.</translation>
        </message>
        <message>
            <source>%1 is niet meer in gebruik: u kunt het niet meer kiezen bij nieuwe gegevens. Wat er al mee is vastgelegd, houdt deze waarde.</source>
            <translation>%1 is niet meer in gebruik: u kunt het niet meer kiezen bij nieuwe gegevens. Wat er al mee is vastgelegd, houdt deze waarde.</translation>
        </message>
        <message>
            <source>%1 is weer in gebruik.</source>
            <translation>%1 is weer in gebruik.</translation>
        </message>
        <message>
            <source>%1 importeren</source>
            <translation>%1 importeren</translation>
        </message>
        <message>
            <source>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</source>
            <translation>Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)</translation>
        </message>
        <message>
            <source>%1 inlezen...</source>
            <translation>%1 inlezen...</translation>
        </message>
        <message>
            <source>Importeren lukte niet</source>
            <translation>Importeren lukte niet</translation>
        </message>
        <message>
            <source>Het importeren is gestopt.</source>
            <translation>Het importeren is gestopt.</translation>
        </message>
        <message>
            <source>%1 geïmporteerd</source>
            <translation>%1 geïmporteerd</translation>
        </message>
    </context>
    <context>
        <name>RefTableModel</name>
        <message>
            <source>Ja</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>In gebruik</source>
            <translation>In gebruik</translation>
        </message>
        <message>
            <source>Niet meer in gebruik</source>
            <translation>Niet meer in gebruik</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <source>Focusbuurt</source>
            <translation>Focusbuurt</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisatie</translation>
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
            <translation>%1 (niet meer in gebruik)</translation>
        </message>
    </context>
    <context>
        <name>ReferralColumnModel</name>
        <message>
            <source>Afgesloten %1</source>
            <translation>Afgesloten %1</translation>
        </message>
        <message>
            <source>⚠ te laat: opvolgen %1</source>
            <translation>⚠ te laat: opvolgen %1</translation>
        </message>
        <message>
            <source>Opvolgen %1</source>
            <translation>Opvolgen %1</translation>
        </message>
        <message>
            <source>Aangemeld %1</source>
            <translation>Aangemeld %1</translation>
        </message>
        <message>
            <source>Deze verwijzing had al opgevolgd moeten worden.</source>
            <translation>Deze verwijzing had al opgevolgd moeten worden.</translation>
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
            <translation>Verwezen door:</translation>
        </message>
        <message>
            <source>Verwijzende organisatie:</source>
            <translation>Verwijzende organisatie:</translation>
        </message>
        <message>
            <source>Coach:</source>
            <translation>Coach:</translation>
        </message>
        <message>
            <source>Aangemeld op:</source>
            <translation>Aangemeld op:</translation>
        </message>
        <message>
            <source>Opvolgen op:</source>
            <translation>Opvolgen op:</translation>
        </message>
        <message>
            <source>Reden:</source>
            <translation>Reden:</translation>
        </message>
        <message>
            <source>Bestemmingen:</source>
            <translation>Bestemmingen:</translation>
        </message>
        <message>
            <source>Resultaat:</source>
            <translation>Resultaat:</translation>
        </message>
        <message>
            <source>Volgende stap:</source>
            <translation>Volgende stap:</translation>
        </message>
        <message>
            <source>Scores bij &amp;intake...</source>
            <translation>Scores bij &amp;intake...</translation>
        </message>
        <message>
            <source>Scores bij &amp;afsluiten...</source>
            <translation>Scores bij &amp;afsluiten...</translation>
        </message>
        <message>
            <source>Verloop</source>
            <translation>Verloop</translation>
        </message>
        <message>
            <source>Kies een verwijzing op het bord.</source>
            <translation>Kies een verwijzing op het bord.</translation>
        </message>
        <message>
            <source>nog niemand</source>
            <translation>nog niemand</translation>
        </message>
        <message>
            <source>⚠ %1 (te laat)</source>
            <translation>⚠ %1 (te laat)</translation>
        </message>
        <message>
            <source>Zet de status op '%1'</source>
            <translation>Zet de status op '%1'</translation>
        </message>
        <message>
            <source>Deze verwijzing is afgesloten.</source>
            <translation>Deze verwijzing is afgesloten.</translation>
        </message>
        <message>
            <source>door %1</source>
            <translation>door %1</translation>
        </message>
        <message>
            <source>Scores bij &amp;intake wijzigen...</source>
            <translation>Scores bij &amp;intake wijzigen...</translation>
        </message>
        <message>
            <source>Scores bij &amp;afsluiten wijzigen...</source>
            <translation>Scores bij &amp;afsluiten wijzigen...</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <source>Verwijzingen</source>
            <translation>Verwijzingen</translation>
        </message>
        <message>
            <source>&amp;Nieuwe verwijzing...</source>
            <translation>&amp;Nieuwe verwijzing...</translation>
        </message>
        <message>
            <source>&amp;Zoek</source>
            <translation>&amp;Zoek</translation>
        </message>
        <message>
            <source>Deel van de schuilnaam</source>
            <translation>Deel van de schuilnaam</translation>
        </message>
        <message>
            <source>&amp;Coach</source>
            <translation>&amp;Coach</translation>
        </message>
        <message>
            <source>Alle coaches</source>
            <translation>Alle coaches</translation>
        </message>
        <message>
            <source>&amp;Route</source>
            <translation>&amp;Route</translation>
        </message>
        <message>
            <source>Alle routes</source>
            <translation>Alle routes</translation>
        </message>
        <message>
            <source>&amp;Bron</source>
            <translation>&amp;Bron</translation>
        </message>
        <message>
            <source>Alle bronnen</source>
            <translation>Alle bronnen</translation>
        </message>
        <message>
            <source>Alleen &amp;te laat</source>
            <translation>Alleen &amp;te laat</translation>
        </message>
        <message>
            <source>&amp;Afgesloten tonen</source>
            <translation>&amp;Afgesloten tonen</translation>
        </message>
        <message numerus="yes">
            <source>%n open verwijzing(en)</source>
            <translation>
                <numerusform>%n open verwijzing(en)</numerusform>
                <numerusform>%n open verwijzing(en)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n te laat</source>
            <translation>
                <numerusform>%n te laat</numerusform>
                <numerusform>%n te laat</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RejectedRowsModel</name>
        <message>
            <source>Rij</source>
            <translation>Rij</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Rapportages</source>
            <translation>Rapportages</translation>
        </message>
        <message>
            <source>Kies een rapport, een periode en eventueel filters. Bekijk het voorbeeld en sla het op als PDF, Excel of CSV. Elke export wordt vastgelegd.</source>
            <translation>Kies een rapport, een periode en eventueel filters. Bekijk het voorbeeld en sla het op als PDF, Excel of CSV. Elke export wordt vastgelegd.</translation>
        </message>
        <message>
            <source>&amp;Rapport:</source>
            <translation>&amp;Rapport:</translation>
        </message>
        <message>
            <source>tot en met</source>
            <translation>tot en met</translation>
        </message>
        <message>
            <source>Dit &amp;jaar</source>
            <translation>Dit &amp;jaar</translation>
        </message>
        <message>
            <source>Vorig &amp;kwartaal</source>
            <translation>Vorig &amp;kwartaal</translation>
        </message>
        <message>
            <source>Vorige &amp;maand</source>
            <translation>Vorige &amp;maand</translation>
        </message>
        <message>
            <source>&amp;Periode:</source>
            <translation>&amp;Periode:</translation>
        </message>
        <message>
            <source>Filters (niets gekozen: alles)</source>
            <translation>Filters (niets gekozen: alles)</translation>
        </message>
        <message>
            <source>B&amp;uurt</source>
            <translation>B&amp;uurt</translation>
        </message>
        <message>
            <source>Ac&amp;tiviteit</source>
            <translation>Ac&amp;tiviteit</translation>
        </message>
        <message>
            <source>Pro&amp;grammalijn</source>
            <translation>Pro&amp;grammalijn</translation>
        </message>
        <message>
            <source>&amp;Spoor</source>
            <translation>&amp;Spoor</translation>
        </message>
        <message>
            <source>&amp;Doelgroep</source>
            <translation>&amp;Doelgroep</translation>
        </message>
        <message>
            <source>&amp;Organisatie</source>
            <translation>&amp;Organisatie</translation>
        </message>
        <message>
            <source>&amp;Interne werkversie (exacte aantallen)</source>
            <translation>&amp;Interne werkversie (exacte aantallen)</translation>
        </message>
        <message>
            <source>Let op: deze versie toont ook kleine aantallen (1 tot 4). Daardoor kunnen inwoners herkenbaar zijn. Alleen voor gebruik binnen de organisatie; dit staat ook op het rapport.</source>
            <translation>Let op: deze versie toont ook kleine aantallen (1 tot 4). Daardoor kunnen inwoners herkenbaar zijn. Alleen voor gebruik binnen de organisatie; dit staat ook op het rapport.</translation>
        </message>
        <message>
            <source>&amp;Voorbeeld tonen</source>
            <translation>&amp;Voorbeeld tonen</translation>
        </message>
        <message>
            <source>Opslaan als P&amp;DF...</source>
            <translation>Opslaan als P&amp;DF...</translation>
        </message>
        <message>
            <source>Opslaan als &amp;Excel...</source>
            <translation>Opslaan als &amp;Excel...</translation>
        </message>
        <message>
            <source>Opslaan als &amp;CSV...</source>
            <translation>Opslaan als &amp;CSV...</translation>
        </message>
        <message>
            <source>; (Nederlandse Excel)</source>
            <translation>; (Nederlandse Excel)</translation>
        </message>
        <message>
            <source>, (komma)</source>
            <translation>, (komma)</translation>
        </message>
        <message>
            <source>Scheidingsteken in het CSV-bestand</source>
            <translation>Scheidingsteken in het CSV-bestand</translation>
        </message>
        <message>
            <source>Scheidingste&amp;ken:</source>
            <translation>Scheidingste&amp;ken:</translation>
        </message>
        <message>
            <source>Ta&amp;bel:</source>
            <translation>Ta&amp;bel:</translation>
        </message>
        <message>
            <source>Aanwezigheid bij activiteiten</source>
            <translation>Aanwezigheid bij activiteiten</translation>
        </message>
        <message>
            <source>Bereik van inwoners</source>
            <translation>Bereik van inwoners</translation>
        </message>
        <message>
            <source>Verwijzingen</source>
            <translation>Verwijzingen</translation>
        </message>
        <message>
            <source>Positieve Gezondheid: intake en afsluiting</source>
            <translation>Positieve Gezondheid: intake en afsluiting</translation>
        </message>
        <message>
            <source>Programma-overzicht per focusbuurt</source>
            <translation>Programma-overzicht per focusbuurt</translation>
        </message>
        <message>
            <source>Centrale export voor het programmateam</source>
            <translation>Centrale export voor het programmateam</translation>
        </message>
        <message>
            <source>De einddatum ligt voor de begindatum. Kies een latere einddatum.</source>
            <translation>De einddatum ligt voor de begindatum. Kies een latere einddatum.</translation>
        </message>
        <message>
            <source>Alleen een coördinator mag rapporten opslaan. U kunt wel het voorbeeld bekijken.</source>
            <translation>Alleen een coördinator mag rapporten opslaan. U kunt wel het voorbeeld bekijken.</translation>
        </message>
        <message>
            <source>De centrale export heeft geen voorbeeld. Hij bevat alle gedeelde gegevens als tabellen, zonder namen, contactgegevens of notities.</source>
            <translation>De centrale export heeft geen voorbeeld. Hij bevat alle gedeelde gegevens als tabellen, zonder namen, contactgegevens of notities.</translation>
        </message>
        <message>
            <source>Het voorbeeld hoort niet meer bij uw keuzes. Klik op Voorbeeld tonen.</source>
            <translation>Het voorbeeld hoort niet meer bij uw keuzes. Klik op Voorbeeld tonen.</translation>
        </message>
        <message>
            <source>Klik op Voorbeeld tonen om de tabellen te zien.</source>
            <translation>Klik op Voorbeeld tonen om de tabellen te zien.</translation>
        </message>
        <message>
            <source>Rapport maken...</source>
            <translation>Rapport maken...</translation>
        </message>
        <message>
            <source>Het voorbeeld wordt gemaakt...</source>
            <translation>Het voorbeeld wordt gemaakt...</translation>
        </message>
        <message>
            <source>Voorbeeld maken</source>
            <translation>Voorbeeld maken</translation>
        </message>
        <message>
            <source>Voorbeeld van %1, %2 tabel(len).</source>
            <translation>Voorbeeld van %1, %2 tabel(len).</translation>
        </message>
        <message>
            <source>PDF-bestand (*.pdf)</source>
            <translation>PDF-bestand (*.pdf)</translation>
        </message>
        <message>
            <source>Excel-bestand (*.xlsx)</source>
            <translation>Excel-bestand (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV-bestanden (*.csv *.zip)</source>
            <translation>CSV-bestanden (*.csv *.zip)</translation>
        </message>
        <message>
            <source>Rapport opslaan</source>
            <translation>Rapport opslaan</translation>
        </message>
        <message>
            <source>Bestand maken...</source>
            <translation>Bestand maken...</translation>
        </message>
        <message>
            <source>Het bestand wordt gemaakt...</source>
            <translation>Het bestand wordt gemaakt...</translation>
        </message>
        <message>
            <source>Opgeslagen: %1. De export is vastgelegd.</source>
            <translation>Opgeslagen: %1. De export is vastgelegd.</translation>
        </message>
        <message>
            <source>Gestopt. Er is niets opgeslagen.</source>
            <translation>Gestopt. Er is niets opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>ResidentDialog</name>
        <message>
            <source>Inwoner wijzigen</source>
            <translation>Inwoner wijzigen</translation>
        </message>
        <message>
            <source>Nieuwe inwoner</source>
            <translation>Nieuwe inwoner</translation>
        </message>
        <message>
            <source>Een inwoner staat hier onder een schuilnaam. Naam en contactgegevens zijn niet nodig en mogen alleen met toestemming.</source>
            <translation>Een inwoner staat hier onder een schuilnaam. Naam en contactgegevens zijn niet nodig en mogen alleen met toestemming.</translation>
        </message>
        <message>
            <source>Bijvoorbeeld: Fatima B. of Opa Kees</source>
            <translation>Bijvoorbeeld: Fatima B. of Opa Kees</translation>
        </message>
        <message>
            <source>&amp;Schuilnaam</source>
            <translation>&amp;Schuilnaam</translation>
        </message>
        <message>
            <source>Leeg laten als u het niet weet</source>
            <translation>Leeg laten als u het niet weet</translation>
        </message>
        <message>
            <source>&amp;Geboortejaar</source>
            <translation>&amp;Geboortejaar</translation>
        </message>
        <message>
            <source>Onbekend</source>
            <translation>Onbekend</translation>
        </message>
        <message>
            <source>&amp;Buurt</source>
            <translation>&amp;Buurt</translation>
        </message>
        <message>
            <source>&amp;Doelgroepen</source>
            <translation>&amp;Doelgroepen</translation>
        </message>
        <message>
            <source>G&amp;eslacht</source>
            <translation>G&amp;eslacht</translation>
        </message>
        <message>
            <source>Toestemming van de inwoner</source>
            <translation>Toestemming van de inwoner</translation>
        </message>
        <message>
            <source>Datum toestemming: %1</source>
            <translation>Datum toestemming: %1</translation>
        </message>
        <message>
            <source>gegeven op</source>
            <translation>gegeven op</translation>
        </message>
        <message>
            <source>&amp;Persoonlijke gegevens (alleen met toestemming)</source>
            <translation>&amp;Persoonlijke gegevens (alleen met toestemming)</translation>
        </message>
        <message>
            <source>Vul dit alleen in als de inwoner toestemming gaf voor 'Vastleggen van gegevens'. Deze gegevens blijven op dit apparaat.</source>
            <translation>Vul dit alleen in als de inwoner toestemming gaf voor 'Vastleggen van gegevens'. Deze gegevens blijven op dit apparaat.</translation>
        </message>
        <message>
            <source>&amp;Naam</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <source>&amp;Telefoon</source>
            <translation>&amp;Telefoon</translation>
        </message>
        <message>
            <source>E-&amp;mail</source>
            <translation>E-&amp;mail</translation>
        </message>
        <message>
            <source>&amp;Deze gebruiken</source>
            <translation>&amp;Deze gebruiken</translation>
        </message>
        <message>
            <source>Toch &amp;nieuw aanmaken</source>
            <translation>Toch &amp;nieuw aanmaken</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Intrekken kan op de pagina van de inwoner, met 'Toestemming intrekken'.</source>
            <translation>Intrekken kan op de pagina van de inwoner, met 'Toestemming intrekken'.</translation>
        </message>
        <message>
            <source>Vul een schuilnaam in, bijvoorbeeld een voornaam met een letter.</source>
            <translation>Vul een schuilnaam in, bijvoorbeeld een voornaam met een letter.</translation>
        </message>
        <message>
            <source>Dit mag alleen met toestemming. Vink '%1' aan, of maak dit veld leeg.</source>
            <translation>Dit mag alleen met toestemming. Vink '%1' aan, of maak dit veld leeg.</translation>
        </message>
        <message numerus="yes">
            <source>Deze inwoner staat misschien al in de lijst (%n gevonden). Is het een van deze? Kies dan 'Deze gebruiken'. Is het echt iemand anders? Kies 'Toch nieuw aanmaken'.</source>
            <translation>
                <numerusform>Deze inwoner staat misschien al in de lijst (%n gevonden). Is het een van deze? Kies dan 'Deze gebruiken'. Is het echt iemand anders? Kies 'Toch nieuw aanmaken'.</numerusform>
                <numerusform>Deze inwoner staat misschien al in de lijst (%n gevonden). Is het een van deze? Kies dan 'Deze gebruiken'. Is het echt iemand anders? Kies 'Toch nieuw aanmaken'.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResidentLookup</name>
        <message>
            <source>Typ een deel van de schuilnaam</source>
            <translation>Typ een deel van de schuilnaam</translation>
        </message>
    </context>
    <context>
        <name>ResidentsPage</name>
        <message>
            <source>Inwoners</source>
            <translation>Inwoners</translation>
        </message>
        <message>
            <source>&amp;Zoek</source>
            <translation>&amp;Zoek</translation>
        </message>
        <message>
            <source>Deel van de schuilnaam</source>
            <translation>Deel van de schuilnaam</translation>
        </message>
        <message>
            <source>&amp;Nieuwe inwoner...</source>
            <translation>&amp;Nieuwe inwoner...</translation>
        </message>
        <message>
            <source>Geboortejaar:</source>
            <translation>Geboortejaar:</translation>
        </message>
        <message>
            <source>Buurt:</source>
            <translation>Buurt:</translation>
        </message>
        <message>
            <source>Doelgroepen:</source>
            <translation>Doelgroepen:</translation>
        </message>
        <message>
            <source>Geslacht:</source>
            <translation>Geslacht:</translation>
        </message>
        <message>
            <source>Ja</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>Nee</translation>
        </message>
        <message>
            <source>&amp;Wijzigen...</source>
            <translation>&amp;Wijzigen...</translation>
        </message>
        <message>
            <source>Nieuwe &amp;verwijzing...</source>
            <translation>Nieuwe &amp;verwijzing...</translation>
        </message>
        <message>
            <source>Inzageve&amp;rzoek...</source>
            <translation>Inzageve&amp;rzoek...</translation>
        </message>
        <message>
            <source>Alle gegevens van deze inwoner opslaan als PDF en JSON.</source>
            <translation>Alle gegevens van deze inwoner opslaan als PDF en JSON.</translation>
        </message>
        <message>
            <source>Gegevens w&amp;issen...</source>
            <translation>Gegevens w&amp;issen...</translation>
        </message>
        <message>
            <source>&amp;Tijdlijn</source>
            <translation>&amp;Tijdlijn</translation>
        </message>
        <message>
            <source>Kies links een inwoner, of maak een nieuwe.</source>
            <translation>Kies links een inwoner, of maak een nieuwe.</translation>
        </message>
        <message>
            <source>Meer dan %1 gevonden. Typ meer letters om te zoeken.</source>
            <translation>Meer dan %1 gevonden. Typ meer letters om te zoeken.</translation>
        </message>
        <message>
            <source>Niemand gevonden. Maak een nieuwe inwoner met 'Nieuwe inwoner'.</source>
            <translation>Niemand gevonden. Maak een nieuwe inwoner met 'Nieuwe inwoner'.</translation>
        </message>
        <message numerus="yes">
            <source>%n gevonden</source>
            <translation>
                <numerusform>%n gevonden</numerusform>
                <numerusform>%n gevonden</numerusform>
            </translation>
        </message>
        <message>
            <source>Geen inwoner gekozen</source>
            <translation>Geen inwoner gekozen</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>Toe&amp;stemming</source>
            <translation>Toe&amp;stemming</translation>
        </message>
        <message>
            <source>Waarvoor</source>
            <translation>Waarvoor</translation>
        </message>
        <message>
            <source>Gegeven op</source>
            <translation>Gegeven op</translation>
        </message>
        <message>
            <source>Vastgelegd door</source>
            <translation>Vastgelegd door</translation>
        </message>
        <message>
            <source>Ingetrokken</source>
            <translation>Ingetrokken</translation>
        </message>
        <message>
            <source>Toestemming vastle&amp;ggen...</source>
            <translation>Toestemming vastle&amp;ggen...</translation>
        </message>
        <message>
            <source>Toestemming intre&amp;kken...</source>
            <translation>Toestemming intre&amp;kken...</translation>
        </message>
        <message>
            <source>nee</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>%1 door %2</source>
            <translation>%1 door %2</translation>
        </message>
        <message>
            <source>Geen toestemming voor vastleggen: naam en notitie worden niet bewaard en de inwoner telt alleen mee in anonieme aantallen.</source>
            <translation>Geen toestemming voor vastleggen: naam en notitie worden niet bewaard en de inwoner telt alleen mee in anonieme aantallen.</translation>
        </message>
        <message>
            <source>De toestemming '%1' van %2 intrekken?</source>
            <translation>De toestemming '%1' van %2 intrekken?</translation>
        </message>
        <message>
            <source>Dit geldt ook op de andere apparaten na synchroniseren.</source>
            <translation>Dit geldt ook op de andere apparaten na synchroniseren.</translation>
        </message>
        <message>
            <source>Toestemming intrekken</source>
            <translation>Toestemming intrekken</translation>
        </message>
        <message>
            <source>De naam en de notitie van de inwoner worden gewist. De inwoner telt daarna alleen nog mee in anonieme aantallen.</source>
            <translation>De naam en de notitie van de inwoner worden gewist. De inwoner telt daarna alleen nog mee in anonieme aantallen.</translation>
        </message>
        <message>
            <source>Het telefoonnummer en het e-mailadres van de inwoner worden gewist.</source>
            <translation>Het telefoonnummer en het e-mailadres van de inwoner worden gewist.</translation>
        </message>
        <message>
            <source>De datums om op te volgen bij de open verwijzingen van de inwoner worden gewist.</source>
            <translation>De datums om op te volgen bij de open verwijzingen van de inwoner worden gewist.</translation>
        </message>
        <message>
            <source>Map voor het inzageverzoek kiezen</source>
            <translation>Map voor het inzageverzoek kiezen</translation>
        </message>
        <message>
            <source>Inzageverzoek maken</source>
            <translation>Inzageverzoek maken</translation>
        </message>
        <message>
            <source>Inzageverzoek opgeslagen: %1</source>
            <translation>Inzageverzoek opgeslagen: %1</translation>
        </message>
        <message>
            <source>Nog niets op de tijdlijn.</source>
            <translation>Nog niets op de tijdlijn.</translation>
        </message>
    </context>
    <context>
        <name>RetentionPanel</name>
        <message>
            <source>Persoonlijke gegevens (naam, telefoon, e-mail en notities) bewaart u niet langer dan nodig. Stel in na hoeveel maanden ze worden gewist. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen kloppen.</source>
            <translation>Persoonlijke gegevens (naam, telefoon, e-mail en notities) bewaart u niet langer dan nodig. Stel in na hoeveel maanden ze worden gewist. De contacten, deelnames en verwijzingen zelf blijven, zodat de aantallen kloppen.</translation>
        </message>
        <message>
            <source>Maanden na het laatste contact (inwoners zonder verwijzing):</source>
            <translation>Maanden na het laatste contact (inwoners zonder verwijzing):</translation>
        </message>
        <message>
            <source>Maanden nadat alle verwijzingen zijn afgesloten:</source>
            <translation>Maanden nadat alle verwijzingen zijn afgesloten:</translation>
        </message>
        <message>
            <source>Termijnen op&amp;slaan</source>
            <translation>Termijnen op&amp;slaan</translation>
        </message>
        <message>
            <source>&amp;Voorbeeld bekijken</source>
            <translation>&amp;Voorbeeld bekijken</translation>
        </message>
        <message>
            <source>Nu &amp;opschonen...</source>
            <translation>Nu &amp;opschonen...</translation>
        </message>
        <message>
            <source>geen termijn</source>
            <translation>geen termijn</translation>
        </message>
        <message>
            <source> maanden</source>
            <translation> maanden</translation>
        </message>
        <message>
            <source>De bewaartermijnen zijn opgeslagen.</source>
            <translation>De bewaartermijnen zijn opgeslagen.</translation>
        </message>
        <message numerus="yes">
            <source>De bewaartermijn van %n inwoner(s) is verstreken.</source>
            <translation>
                <numerusform>De bewaartermijn van %n inwoner(s) is verstreken.</numerusform>
                <numerusform>De bewaartermijn van %n inwoner(s) is verstreken.</numerusform>
            </translation>
        </message>
        <message>
            <source>Er zijn geen inwoners waarvan de bewaartermijn is verstreken.</source>
            <translation>Er zijn geen inwoners waarvan de bewaartermijn is verstreken.</translation>
        </message>
        <message>
            <source>Voorbeeld bekijken</source>
            <translation>Voorbeeld bekijken</translation>
        </message>
        <message>
            <source>Gegevens wissen...</source>
            <translation>Gegevens wissen...</translation>
        </message>
        <message>
            <source>Gestopt: van %1 van de %2 inwoners zijn de gegevens gewist.</source>
            <translation>Gestopt: van %1 van de %2 inwoners zijn de gegevens gewist.</translation>
        </message>
        <message numerus="yes">
            <source>Van %n inwoner(s) zijn de gegevens gewist. Synchroniseer om dit ook op de andere apparaten door te voeren.</source>
            <translation>
                <numerusform>Van %n inwoner(s) zijn de gegevens gewist. Synchroniseer om dit ook op de andere apparaten door te voeren.</numerusform>
                <numerusform>Van %n inwoner(s) zijn de gegevens gewist. Synchroniseer om dit ook op de andere apparaten door te voeren.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opschonen</source>
            <translation>Opschonen</translation>
        </message>
    </context>
    <context>
        <name>RollCallDialog</name>
        <message>
            <source>Presentielijst</source>
            <translation>Presentielijst</translation>
        </message>
        <message>
            <source>Wie er was, staat aangevinkt. Pas aan wat niet klopt: pijltjes en spatie om aan of uit te vinken, V voor een vrijwilliger.</source>
            <translation>Wie er was, staat aangevinkt. Pas aan wat niet klopt: pijltjes en spatie om aan of uit te vinken, V voor een vrijwilliger.</translation>
        </message>
        <message>
            <source>Hieronder staat wie er vorige keer was (%1). Ga met de pijltjes langs de lijst en druk op spatie bij wie er is; V voor een vrijwilliger.</source>
            <translation>Hieronder staat wie er vorige keer was (%1). Ga met de pijltjes langs de lijst en druk op spatie bij wie er is; V voor een vrijwilliger.</translation>
        </message>
        <message>
            <source>Dit is de eerste bijeenkomst. Zoek mensen op hun alias of voeg iemand nieuw toe.</source>
            <translation>Dit is de eerste bijeenkomst. Zoek mensen op hun alias of voeg iemand nieuw toe.</translation>
        </message>
        <message>
            <source>Staat op de lijst</source>
            <translation>Staat op de lijst</translation>
        </message>
        <message>
            <source>Was er vorige keer</source>
            <translation>Was er vorige keer</translation>
        </message>
        <message>
            <source>&amp;Zoek iemand anders:</source>
            <translation>&amp;Zoek iemand anders:</translation>
        </message>
        <message>
            <source>deel van de alias, dan Enter</source>
            <translation>deel van de alias, dan Enter</translation>
        </message>
        <message>
            <source>&amp;Nieuw (alleen alias)</source>
            <translation>&amp;Nieuw (alleen alias)</translation>
        </message>
        <message>
            <source>Voeg de getypte alias toe als nieuwe inwoner (Ctrl+Enter).</source>
            <translation>Voeg de getypte alias toe als nieuwe inwoner (Ctrl+Enter).</translation>
        </message>
        <message>
            <source>&amp;Gasten zonder naam:</source>
            <translation>&amp;Gasten zonder naam:</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Opslaan (Ctrl+S)</source>
            <translation>Opslaan (Ctrl+S)</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Aanwezig: %1 met naam (waarvan %2 vrijwilliger) + %3 zonder naam = %4</source>
            <translation>Aanwezig: %1 met naam (waarvan %2 vrijwilliger) + %3 zonder naam = %4</translation>
        </message>
        <message>
            <source>Niemand gevonden met deze alias. Klik op 'Nieuw (alleen alias)' of druk op Ctrl+Enter om %1 als nieuwe inwoner toe te voegen.</source>
            <translation>Niemand gevonden met deze alias. Klik op 'Nieuw (alleen alias)' of druk op Ctrl+Enter om %1 als nieuwe inwoner toe te voegen.</translation>
        </message>
        <message>
            <source>Gezocht</source>
            <translation>Gezocht</translation>
        </message>
        <message>
            <source>Typ eerst de alias van de nieuwe persoon in het zoekveld.</source>
            <translation>Typ eerst de alias van de nieuwe persoon in het zoekveld.</translation>
        </message>
        <message>
            <source>%1 staat al op de lijst.</source>
            <translation>%1 staat al op de lijst.</translation>
        </message>
        <message>
            <source>Er is al iemand met de alias %1. Kies die persoon uit de lijst (Enter), of klik nog een keer op 'Nieuw' als het echt iemand anders is.</source>
            <translation>Er is al iemand met de alias %1. Kies die persoon uit de lijst (Enter), of klik nog een keer op 'Nieuw' als het echt iemand anders is.</translation>
        </message>
        <message>
            <source>Nieuw: alleen alias</source>
            <translation>Nieuw: alleen alias</translation>
        </message>
        <message>
            <source>De presentielijst is nog niet opgeslagen. Klik op Opslaan (Ctrl+S), of druk nog een keer op Esc om te sluiten zonder op te slaan.</source>
            <translation>De presentielijst is nog niet opgeslagen. Klik op Opslaan (Ctrl+S), of druk nog een keer op Esc om te sluiten zonder op te slaan.</translation>
        </message>
    </context>
    <context>
        <name>RollCallModel</name>
        <message>
            <source>Aanwezig</source>
            <translation>Aanwezig</translation>
        </message>
        <message>
            <source>Vrijwilliger</source>
            <translation>Vrijwilliger</translation>
        </message>
        <message>
            <source>Opmerking</source>
            <translation>Opmerking</translation>
        </message>
        <message>
            <source>Vink aan of druk op V als deze persoon vrijwilliger is.</source>
            <translation>Vink aan of druk op V als deze persoon vrijwilliger is.</translation>
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message>
            <source>%1 op %2</source>
            <translation>%1 op %2</translation>
        </message>
    </context>
    <context>
        <name>ScoresDialog</name>
        <message>
            <source>%1: Positieve Gezondheid %2</source>
            <translation>%1: Positieve Gezondheid %2</translation>
        </message>
        <message>
            <source>&amp;Gemeten op</source>
            <translation>&amp;Gemeten op</translation>
        </message>
    </context>
    <context>
        <name>ScoresEditor</name>
        <message>
            <source>Score van 0 (slecht) tot 10 (heel goed)</source>
            <translation>Score van 0 (slecht) tot 10 (heel goed)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Vul een score in voor %1: een getal van 0 tot en met 10.</source>
            <translation>Vul een score in voor %1: een getal van 0 tot en met 10.</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <source>Nieuwe bijeenkomst</source>
            <translation>Nieuwe bijeenkomst</translation>
        </message>
        <message>
            <source>Bijeenkomst van %1 (%2)</source>
            <translation>Bijeenkomst van %1 (%2)</translation>
        </message>
        <message>
            <source>geen vast schema</source>
            <translation>geen vast schema</translation>
        </message>
        <message>
            <source>&amp;Datum</source>
            <translation>&amp;Datum</translation>
        </message>
        <message>
            <source>&amp;Notitie</source>
            <translation>&amp;Notitie</translation>
        </message>
        <message>
            <source>Aanmaken en presentielijst openen</source>
            <translation>Aanmaken en presentielijst openen</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>SessionListModel</name>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Deelnemers</source>
            <translation>Deelnemers</translation>
        </message>
        <message>
            <source>Vrijwilligers</source>
            <translation>Vrijwilligers</translation>
        </message>
        <message>
            <source>Zonder naam</source>
            <translation>Zonder naam</translation>
        </message>
        <message>
            <source>Totaal</source>
            <translation>Totaal</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Instellingen</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>Taal:</source>
            <translation>Taal:</translation>
        </message>
        <message>
            <source>Een andere taal wordt gebruikt na het opnieuw starten.</source>
            <translation>Een andere taal wordt gebruikt na het opnieuw starten.</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Taal</source>
            <translation>Taal</translation>
        </message>
        <message>
            <source>De nieuwe taal wordt gebruikt als u Gezond Desktop opnieuw start.</source>
            <translation>De nieuwe taal wordt gebruikt als u Gezond Desktop opnieuw start.</translation>
        </message>
    </context>
    <context>
        <name>SignInPanel</name>
        <message>
            <source>Te veel pogingen. Probeer het over %1 seconden opnieuw.</source>
            <translation>Te veel pogingen. Probeer het over %1 seconden opnieuw.</translation>
        </message>
        <message>
            <source>Aanmelden bij Gezond Desktop</source>
            <translation>Aanmelden bij Gezond Desktop</translation>
        </message>
        <message>
            <source>Meld u aan met uw gebruikersnaam en wachtwoord. Dit werkt ook zonder internet.</source>
            <translation>Meld u aan met uw gebruikersnaam en wachtwoord. Dit werkt ook zonder internet.</translation>
        </message>
        <message>
            <source>&amp;Gebruikersnaam:</source>
            <translation>&amp;Gebruikersnaam:</translation>
        </message>
        <message>
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Wachtwoord:</translation>
        </message>
        <message>
            <source>Wachtwoord vergeten?</source>
            <translation>Wachtwoord vergeten?</translation>
        </message>
        <message>
            <source>Aanmelden</source>
            <translation>Aanmelden</translation>
        </message>
        <message>
            <source>Stoppen</source>
            <translation>Stoppen</translation>
        </message>
        <message>
            <source>Even geduld: Gezond Desktop opent uw gegevens. Probeer het zo nog eens.</source>
            <translation>Even geduld: Gezond Desktop opent uw gegevens. Probeer het zo nog eens.</translation>
        </message>
        <message>
            <source>Uw wachtwoord is vervangen. Meld u aan met het nieuwe wachtwoord.</source>
            <translation>Uw wachtwoord is vervangen. Meld u aan met het nieuwe wachtwoord.</translation>
        </message>
        <message>
            <source>Vul uw gebruikersnaam in.</source>
            <translation>Vul uw gebruikersnaam in.</translation>
        </message>
        <message>
            <source>Even geduld: Gezond Desktop opent uw gegevens...</source>
            <translation>Even geduld: Gezond Desktop opent uw gegevens...</translation>
        </message>
    </context>
    <context>
        <name>SpiderChart</name>
        <message>
            <source>Positieve Gezondheid: spindiagram</source>
            <translation>Positieve Gezondheid: spindiagram</translation>
        </message>
        <message>
            <source>Nog geen scores</source>
            <translation>Nog geen scores</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Gezond Desktop kan uw gegevens nu niet openen. Klik op Stoppen en start Gezond Desktop opnieuw.</source>
            <translation>Gezond Desktop kan uw gegevens nu niet openen. Klik op Stoppen en start Gezond Desktop opnieuw.</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens zijn in deze versie niet beschikbaar. Start Gezond Desktop zonder --demo.</source>
            <translation>Voorbeeldgegevens zijn in deze versie niet beschikbaar. Start Gezond Desktop zonder --demo.</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens maken...</source>
            <translation>Voorbeeldgegevens maken...</translation>
        </message>
        <message>
            <source>Voorbeeldgegevens maken</source>
            <translation>Voorbeeldgegevens maken</translation>
        </message>
        <message>
            <source>DEMO: voorbeeldgegevens, aangemeld als demo</source>
            <translation>DEMO: voorbeeldgegevens, aangemeld als demo</translation>
        </message>
        <message>
            <source>Gezond Desktop kan niet starten</source>
            <translation>Gezond Desktop kan niet starten</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>&amp;Naar '%1'</source>
            <translation>&amp;Naar '%1'</translation>
        </message>
        <message>
            <source>%1: status '%2'</source>
            <translation>%1: status '%2'</translation>
        </message>
        <message>
            <source>Van '%1' naar '%2'.</source>
            <translation>Van '%1' naar '%2'.</translation>
        </message>
        <message>
            <source>&amp;Datum</source>
            <translation>&amp;Datum</translation>
        </message>
        <message>
            <source>N&amp;otitie</source>
            <translation>N&amp;otitie</translation>
        </message>
        <message>
            <source>Kies het resultaat</source>
            <translation>Kies het resultaat</translation>
        </message>
        <message>
            <source>Geen</source>
            <translation>Geen</translation>
        </message>
        <message>
            <source>&amp;Resultaat</source>
            <translation>&amp;Resultaat</translation>
        </message>
        <message>
            <source>&amp;Toelichting</source>
            <translation>&amp;Toelichting</translation>
        </message>
        <message>
            <source>&amp;Scores Positieve Gezondheid bij afsluiten</source>
            <translation>&amp;Scores Positieve Gezondheid bij afsluiten</translation>
        </message>
        <message>
            <source>Zet het vinkje uit als de inwoner geen scores wil geven.</source>
            <translation>Zet het vinkje uit als de inwoner geen scores wil geven.</translation>
        </message>
        <message>
            <source>bij intake</source>
            <translation>bij intake</translation>
        </message>
        <message>
            <source>Kies het resultaat: wat heeft de verwijzing opgeleverd?</source>
            <translation>Kies het resultaat: wat heeft de verwijzing opgeleverd?</translation>
        </message>
    </context>
    <context>
        <name>SyncFields</name>
        <message>
            <source>Inwoner</source>
            <translation>Inwoner</translation>
        </message>
        <message>
            <source>Toestemming</source>
            <translation>Toestemming</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Verwijzing</source>
            <translation>Verwijzing</translation>
        </message>
        <message>
            <source>Stap van een verwijzing</source>
            <translation>Stap van een verwijzing</translation>
        </message>
        <message>
            <source>Positieve Gezondheid</source>
            <translation>Positieve Gezondheid</translation>
        </message>
        <message>
            <source>Activiteit</source>
            <translation>Activiteit</translation>
        </message>
        <message>
            <source>Bijeenkomst</source>
            <translation>Bijeenkomst</translation>
        </message>
        <message>
            <source>Aanwezigheid</source>
            <translation>Aanwezigheid</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Vindplaats</source>
            <translation>Vindplaats</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisatie</translation>
        </message>
        <message>
            <source>Dienst</source>
            <translation>Dienst</translation>
        </message>
        <message>
            <source>Doelgroep</source>
            <translation>Doelgroep</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Onderwerp</translation>
        </message>
        <message>
            <source>Spoor</source>
            <translation>Spoor</translation>
        </message>
        <message>
            <source>Programmalijn</source>
            <translation>Programmalijn</translation>
        </message>
        <message>
            <source>Medewerker</source>
            <translation>Medewerker</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
        <message>
            <source>Welzijnscoach</source>
            <translation>Welzijnscoach</translation>
        </message>
        <message>
            <source>Opvolgen op</source>
            <translation>Opvolgen op</translation>
        </message>
        <message>
            <source>Opvolging gedaan op</source>
            <translation>Opvolging gedaan op</translation>
        </message>
        <message>
            <source>Uitkomst</source>
            <translation>Uitkomst</translation>
        </message>
        <message>
            <source>Toelichting bij de uitkomst</source>
            <translation>Toelichting bij de uitkomst</translation>
        </message>
        <message>
            <source>Verwezen naar organisaties</source>
            <translation>Verwezen naar organisaties</translation>
        </message>
        <message>
            <source>Verwezen naar activiteiten</source>
            <translation>Verwezen naar activiteiten</translation>
        </message>
        <message>
            <source>Verwijzende organisatie</source>
            <translation>Verwijzende organisatie</translation>
        </message>
        <message>
            <source>Aangemeld op</source>
            <translation>Aangemeld op</translation>
        </message>
        <message>
            <source>Route</source>
            <translation>Route</translation>
        </message>
        <message>
            <source>Verwezen door</source>
            <translation>Verwezen door</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Aantekeningen</source>
            <translation>Aantekeningen</translation>
        </message>
        <message>
            <source>Aantekening</source>
            <translation>Aantekening</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Aantal personen</source>
            <translation>Aantal personen</translation>
        </message>
        <message>
            <source>Datum en tijd</source>
            <translation>Datum en tijd</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Beschrijving</source>
            <translation>Beschrijving</translation>
        </message>
        <message>
            <source>Roepnaam of schuilnaam</source>
            <translation>Roepnaam of schuilnaam</translation>
        </message>
        <message>
            <source>Volledige naam</source>
            <translation>Volledige naam</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Telefoon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Geboortejaar</source>
            <translation>Geboortejaar</translation>
        </message>
        <message>
            <source>Geslacht</source>
            <translation>Geslacht</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Begintijd</source>
            <translation>Begintijd</translation>
        </message>
        <message>
            <source>Begint op</source>
            <translation>Begint op</translation>
        </message>
        <message>
            <source>Eindigt op</source>
            <translation>Eindigt op</translation>
        </message>
        <message>
            <source>Dag</source>
            <translation>Dag</translation>
        </message>
        <message>
            <source>Hoe vaak</source>
            <translation>Hoe vaak</translation>
        </message>
        <message>
            <source>Gasten zonder naam</source>
            <translation>Gasten zonder naam</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <source>Focusbuurt</source>
            <translation>Focusbuurt</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Actief</translation>
        </message>
        <message>
            <source>Verwijderd</source>
            <translation>Verwijderd</translation>
        </message>
        <message>
            <source>Dubbel vastgelegd</source>
            <translation>Dubbel vastgelegd</translation>
        </message>
        <message>
            <source>verwijderd en tegelijk gewijzigd</source>
            <translation>verwijderd en tegelijk gewijzigd</translation>
        </message>
        <message>
            <source>status in een onmogelijke volgorde</source>
            <translation>status in een onmogelijke volgorde</translation>
        </message>
        <message>
            <source>twee keer vastgelegd</source>
            <translation>twee keer vastgelegd</translation>
        </message>
        <message>
            <source>(onbekend)</source>
            <translation>(onbekend)</translation>
        </message>
        <message>
            <source>(leeg)</source>
            <translation>(leeg)</translation>
        </message>
        <message>
            <source>Ja</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>Nee</translation>
        </message>
        <message>
            <source>(geen velden)</source>
            <translation>(geen velden)</translation>
        </message>
        <message>
            <source>Gewijzigd:</source>
            <translation>Gewijzigd:</translation>
        </message>
        <message>
            <source>Deze aanwezigheid blijft</source>
            <translation>Deze aanwezigheid blijft</translation>
        </message>
        <message>
            <source>Samengevoegd met de andere</source>
            <translation>Samengevoegd met de andere</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Synchronisatie</source>
            <translation>Synchronisatie</translation>
        </message>
        <message>
            <source>Alles wat u vastlegt, wordt eerst op deze computer bewaard. Zo kunt u ook zonder internet werken. Bij synchroniseren deelt deze computer de wijzigingen met de andere computers van het team, via een gedeelde map (de hub).</source>
            <translation>Alles wat u vastlegt, wordt eerst op deze computer bewaard. Zo kunt u ook zonder internet werken. Bij synchroniseren deelt deze computer de wijzigingen met de andere computers van het team, via een gedeelde map (de hub).</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Even geduld...</source>
            <translation>Even geduld...</translation>
        </message>
        <message>
            <source>&amp;Aansluiten bij een team...</source>
            <translation>&amp;Aansluiten bij een team...</translation>
        </message>
        <message>
            <source>Nieuw &amp;team maken...</source>
            <translation>Nieuw &amp;team maken...</translation>
        </message>
        <message>
            <source>Synchroniseren</source>
            <translation>Synchroniseren</translation>
        </message>
        <message>
            <source>&amp;Nu synchroniseren</source>
            <translation>&amp;Nu synchroniseren</translation>
        </message>
        <message>
            <source>Nog niet gedeeld:</source>
            <translation>Nog niet gedeeld:</translation>
        </message>
        <message>
            <source>Laatst gesynchroniseerd:</source>
            <translation>Laatst gesynchroniseerd:</translation>
        </message>
        <message>
            <source>Automatisch &amp;elke:</source>
            <translation>Automatisch &amp;elke:</translation>
        </message>
        <message>
            <source>uit</source>
            <translation>uit</translation>
        </message>
        <message>
            <source> minuten</source>
            <translation> minuten</translation>
        </message>
        <message>
            <source>Synchroniseer vanzelf zolang de gedeelde map bereikbaar is. 0 = uit.</source>
            <translation>Synchroniseer vanzelf zolang de gedeelde map bereikbaar is. 0 = uit.</translation>
        </message>
        <message>
            <source>Conflicten</source>
            <translation>Conflicten</translation>
        </message>
        <message>
            <source>&amp;Bekijken...</source>
            <translation>&amp;Bekijken...</translation>
        </message>
        <message>
            <source>Niet verwerkte bestanden</source>
            <translation>Niet verwerkte bestanden</translation>
        </message>
        <message>
            <source>Deze bestanden uit de gedeelde map zijn niet verwerkt. Er is niets half overgenomen. Een bestand dat op een nieuwere app wacht, wordt vanzelf verwerkt als u de app bijwerkt. Een apart gezet bestand is beschadigd of niet te vertrouwen: vraag de computer die het maakte om opnieuw te synchroniseren, of meld het bij uw coördinator.</source>
            <translation>Deze bestanden uit de gedeelde map zijn niet verwerkt. Er is niets half overgenomen. Een bestand dat op een nieuwere app wacht, wordt vanzelf verwerkt als u de app bijwerkt. Een apart gezet bestand is beschadigd of niet te vertrouwen: vraag de computer die het maakte om opnieuw te synchroniseren, of meld het bij uw coördinator.</translation>
        </message>
        <message>
            <source>Status lezen</source>
            <translation>Status lezen</translation>
        </message>
        <message>
            <source>Deze computer is nog niet aangesloten bij een team. Sluit aan met het uitnodigingsbestand van uw coördinator.</source>
            <translation>Deze computer is nog niet aangesloten bij een team. Sluit aan met het uitnodigingsbestand van uw coördinator.</translation>
        </message>
        <message>
            <source>PostgreSQL-server: %1</source>
            <translation>PostgreSQL-server: %1</translation>
        </message>
        <message>
            <source>Gedeelde map: %1</source>
            <translation>Gedeelde map: %1</translation>
        </message>
        <message>
            <source>De hub is bereikbaar.</source>
            <translation>De hub is bereikbaar.</translation>
        </message>
        <message>
            <source>De hub is nu niet bereikbaar. Controleer de netwerkschijf, de cloudmap of de USB-stick. U kunt gewoon doorwerken; er gaat niets verloren.</source>
            <translation>De hub is nu niet bereikbaar. Controleer de netwerkschijf, de cloudmap of de USB-stick. U kunt gewoon doorwerken; er gaat niets verloren.</translation>
        </message>
        <message>
            <source>Alles is gedeeld.</source>
            <translation>Alles is gedeeld.</translation>
        </message>
        <message>
            <source>1 wijziging</source>
            <translation>1 wijziging</translation>
        </message>
        <message>
            <source>%1 wijzigingen</source>
            <translation>%1 wijzigingen</translation>
        </message>
        <message>
            <source>nog nooit</source>
            <translation>nog nooit</translation>
        </message>
        <message>
            <source>Er zijn geen conflicten.</source>
            <translation>Er zijn geen conflicten.</translation>
        </message>
        <message>
            <source>Soms veranderen twee computers hetzelfde tegelijk. De app kiest dan zelf en bewaart de andere waarde. Bekijk ze en kies wat blijft. Nog te bekijken: %1</source>
            <translation>Soms veranderen twee computers hetzelfde tegelijk. De app kiest dan zelf en bewaart de andere waarde. Bekijk ze en kies wat blijft. Nog te bekijken: %1</translation>
        </message>
        <message>
            <source>een andere computer</source>
            <translation>een andere computer</translation>
        </message>
        <message>
            <source>1 minuut</source>
            <translation>1 minuut</translation>
        </message>
        <message>
            <source>%1 minuten</source>
            <translation>%1 minuten</translation>
        </message>
        <message>
            <source>%1 uur</source>
            <translation>%1 uur</translation>
        </message>
        <message>
            <source>1 uur</source>
            <translation>1 uur</translation>
        </message>
        <message>
            <source>%1 dagen</source>
            <translation>%1 dagen</translation>
        </message>
        <message>
            <source>De klok van %1 loopt %2 voor.</source>
            <translation>De klok van %1 loopt %2 voor.</translation>
        </message>
        <message>
            <source>De klok van %1 loopt %2 achter.</source>
            <translation>De klok van %1 loopt %2 achter.</translation>
        </message>
        <message>
            <source>Wijzigingen van die computer winnen daardoor niet vanzelf. Zet de klok goed.</source>
            <translation>Wijzigingen van die computer winnen daardoor niet vanzelf. Zet de klok goed.</translation>
        </message>
        <message>
            <source>Wijzigingen versturen...</source>
            <translation>Wijzigingen versturen...</translation>
        </message>
        <message>
            <source>Wijzigingen ontvangen...</source>
            <translation>Wijzigingen ontvangen...</translation>
        </message>
        <message>
            <source>Synchroniseren...</source>
            <translation>Synchroniseren...</translation>
        </message>
        <message>
            <source>Verbinden met de hub...</source>
            <translation>Verbinden met de hub...</translation>
        </message>
        <message>
            <source>Bezig met synchroniseren...</source>
            <translation>Bezig met synchroniseren...</translation>
        </message>
        <message>
            <source>Klaar om %1.</source>
            <translation>Klaar om %1.</translation>
        </message>
        <message>
            <source>Verstuurd: %1, ontvangen: %2.</source>
            <translation>Verstuurd: %1, ontvangen: %2.</translation>
        </message>
        <message>
            <source>Niet verwerkte bestanden: %1 (zie hieronder).</source>
            <translation>Niet verwerkte bestanden: %1 (zie hieronder).</translation>
        </message>
        <message>
            <source>Nieuwe conflicten: %1.</source>
            <translation>Nieuwe conflicten: %1.</translation>
        </message>
        <message>
            <source>Synchroniseren lukte niet. %1</source>
            <translation>Synchroniseren lukte niet. %1</translation>
        </message>
        <message>
            <source>Gestopt. Wat al verstuurd of ontvangen was, is bewaard.</source>
            <translation>Gestopt. Wat al verstuurd of ontvangen was, is bewaard.</translation>
        </message>
        <message>
            <source>Uw keuze is bewaard. Die gaat bij de volgende synchronisatie naar de andere computers.</source>
            <translation>Uw keuze is bewaard. Die gaat bij de volgende synchronisatie naar de andere computers.</translation>
        </message>
        <message>
            <source>U bent aangesloten bij het team. Synchroniseer nu om de gegevens van het team op te halen.</source>
            <translation>U bent aangesloten bij het team. Synchroniseer nu om de gegevens van het team op te halen.</translation>
        </message>
        <message>
            <source>Het team is gemaakt. De uitnodiging staat in %1. Geef dat bestand alleen aan collega's van het team, bijvoorbeeld op een USB-stick; niet via de gedeelde map of e-mail.</source>
            <translation>Het team is gemaakt. De uitnodiging staat in %1. Geef dat bestand alleen aan collega's van het team, bijvoorbeeld op een USB-stick; niet via de gedeelde map of e-mail.</translation>
        </message>
    </context>
    <context>
        <name>Table</name>
        <message>
            <source>Ja</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>Nee</translation>
        </message>
    </context>
    <context>
        <name>TasksPage</name>
        <message>
            <source>Mijn taken</source>
            <translation>Mijn taken</translation>
        </message>
        <message>
            <source>Opvolgingen die vandaag of eerder gepland staan: contacten en verwijzingen met een opvolgdatum. Dubbelklik om te openen.</source>
            <translation>Opvolgingen die vandaag of eerder gepland staan: contacten en verwijzingen met een opvolgdatum. Dubbelklik om te openen.</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Omschrijving</source>
            <translation>Omschrijving</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>Er staat niets open voor vandaag of eerder.</source>
            <translation>Er staat niets open voor vandaag of eerder.</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Verwijzing</source>
            <translation>Verwijzing</translation>
        </message>
        <message>
            <source>Vandaag</source>
            <translation>Vandaag</translation>
        </message>
        <message numerus="yes">
            <source>%n dag(en) te laat</source>
            <translation>
                <numerusform>%n dag(en) te laat</numerusform>
                <numerusform>%n dag(en) te laat</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>Datum</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Wat</source>
            <translation>Wat</translation>
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
            <translation>Ik begrijp dat dit niet ongedaan kan worden.</translation>
        </message>
    </context>
    <context>
        <name>_FormDialog</name>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>_PathField</name>
        <message>
            <source>Kiezen...</source>
            <translation>Kiezen...</translation>
        </message>
    </context>
    <context>
        <name>_ProgressDialog</name>
        <message>
            <source>Even geduld...</source>
            <translation>Even geduld...</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Bezig met stoppen...</source>
            <translation>Bezig met stoppen...</translation>
        </message>
    </context>
</TS>
