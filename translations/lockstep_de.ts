<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppMain</name>
    <message>
        <source>Play FILE or URL.</source>
        <translation>DATEI oder URL abspielen.</translation>
    </message>
    <message>
        <source>FILE|URL</source>
        <translation>DATEI|URL</translation>
    </message>
    <message>
        <source>Join the room of a lockstep://join invite LINK.</source>
        <translation>Dem Raum eines lockstep://join-Einladungslinks LINK beitreten.</translation>
    </message>
    <message>
        <source>LINK</source>
        <translation>LINK</translation>
    </message>
    <message>
        <source>Host a room (with --open, for that media).</source>
        <translation>Einen Raum hosten (mit --open für dieses Medium).</translation>
    </message>
    <message>
        <source>Port to host on (with --host; 0 picks a free one).</source>
        <translation>Port zum Hosten (mit --host; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The name others see in the room, for this run.</source>
        <translation>Der Name, den die anderen im Raum sehen, für diesen Start.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Write one JSON line per second about the sync engine to FILE.</source>
        <translation>Jede Sekunde eine JSON-Zeile über die Synchronisation nach DATEI schreiben.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>When hosting, write the invite link to FILE.</source>
        <translation>Beim Hosten den Einladungslink nach DATEI schreiben.</translation>
    </message>
    <message>
        <source>A lockstep:// invite link to join, or a file to play.</source>
        <translation>Ein lockstep://-Einladungslink zum Beitreten oder eine Datei zum Abspielen.</translation>
    </message>
    <message>
        <source>[LINK|FILE]</source>
        <translation>[LINK|DATEI]</translation>
    </message>
    <message>
        <source>Give at most one link and one file.</source>
        <translation>Höchstens einen Link und eine Datei angeben.</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535.</source>
        <translation>--port braucht eine Zahl von 0 bis 65535.</translation>
    </message>
    <message>
        <source>--port goes with --host.</source>
        <translation>--port gehört zu --host.</translation>
    </message>
    <message>
        <source>Choose either --host or --join, not both.</source>
        <translation>Entweder --host oder --join, nicht beides.</translation>
    </message>
    <message>
        <source>With --host: make the room on the lockstep-server at URL (ws://HOST:PORT/ or wss://HOST:PORT/) instead of hosting it on this computer; the invite link names that server.</source>
        <translation>Mit --host: den Raum auf dem lockstep-server unter URL (ws://HOST:PORT/ oder wss://HOST:PORT/) anlegen, statt ihn auf diesem Computer zu hosten; der Einladungslink nennt dann diesen Server.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>With --server: the access token that server asks for.</source>
        <translation>Mit --server: das Zugangstoken, das dieser Server verlangt.</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>--server goes with --host.</source>
        <translation>--server gehört zu --host.</translation>
    </message>
    <message>
        <source>Choose either --port (host on this computer) or --server, not both.</source>
        <translation>Entweder --port (auf diesem Computer hosten) oder --server, nicht beides.</translation>
    </message>
    <message>
        <source>--server needs a ws:// or wss:// address with a host, like wss://watch.example.org:8765/.</source>
        <translation>--server braucht eine ws://- oder wss://-Adresse mit einem Host, etwa wss://watch.example.org:8765/.</translation>
    </message>
    <message>
        <source>--auth-token goes with --server.</source>
        <translation>--auth-token gehört zu --server.</translation>
    </message>
    <message>
        <source>Show the subtitles in FILE (.srt, .vtt, .ass or .ssa) with the media given to play.</source>
        <translation>Die Untertitel aus FILE (.srt, .vtt, .ass oder .ssa) zum angegebenen Medium anzeigen.</translation>
    </message>
    <message>
        <source>--subtitles goes with a file to play (--open FILE or FILE).</source>
        <translation>--subtitles gehört zu einer Datei, die abgespielt wird (--open FILE oder FILE).</translation>
    </message>
    <message>
        <source>There is no subtitle file %1.</source>
        <translation>Es gibt keine Untertiteldatei %1.</translation>
    </message>
    <message>
        <source>Watch a video together, in step: everyone plays their own copy or streams the host&apos;s.</source>
        <translation>Gemeinsam ein Video ansehen, im Gleichschritt: alle spielen ihre eigene Kopie ab oder streamen die des Hosts.</translation>
    </message>
    <message>
        <source>Your sound reaches you MS milliseconds late (0 to 1000; Bluetooth headphones, a TV): your player runs that much ahead of the room, for this run.</source>
        <translation>Dein Ton erreicht dich MS Millisekunden zu spät (0 bis 1000; Bluetooth-Kopfhörer, ein Fernseher): Dein Player läuft dem Raum so weit voraus, für diesen Start.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>--audio-delay needs a number of milliseconds from 0 to 1000.</source>
        <translation>--audio-delay braucht eine Zahl von Millisekunden zwischen 0 und 1000.</translation>
    </message>
</context>
<context>
    <name>ContainerTracks</name>
    <message>
        <source>The file is not a Matroska or WebM file.</source>
        <translation>Die Datei ist keine Matroska- oder WebM-Datei.</translation>
    </message>
    <message>
        <source>The Matroska file has no segment.</source>
        <translation>Die Matroska-Datei hat kein Segment.</translation>
    </message>
    <message>
        <source>The Matroska file has no track list.</source>
        <translation>Die Matroska-Datei hat keine Spurliste.</translation>
    </message>
    <message>
        <source>The MP4 file has no track list (it may be incomplete).</source>
        <translation>Die MP4-Datei hat keine Spurliste (vielleicht ist sie unvollständig).</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Track names are read from Matroska, WebM and MP4 files only.</source>
        <translation>Spurnamen werden nur aus Matroska-, WebM- und MP4-Dateien gelesen.</translation>
    </message>
    <message>
        <source>The file has no track %1.</source>
        <translation>Die Datei hat keine Spur %1.</translation>
    </message>
    <message>
        <source>Subtitles are read from Matroska, WebM and MP4 files only.</source>
        <translation>Untertitel werden nur aus Matroska-, WebM- und MP4-Dateien gelesen.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Arabic</source>
        <translation>Arabisch</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>Baskisch</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengalisch</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>Bulgarisch</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Katalanisch</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinesisch</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>Kroatisch</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>Tschechisch</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dänisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>Estnisch</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>Filipino</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finnisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>Galicisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griechisch</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebräisch</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>Ungarisch</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>Isländisch</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesisch</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>Irisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanisch</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Koreanisch</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>Lettisch</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>Litauisch</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>Malaiisch</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Norwegisch</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>Norwegisch (Nynorsk)</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>Persisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>Rumänisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>Serbisch</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>Slowakisch</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>Slowenisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Schwedisch</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>Tamil</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>Thailändisch</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Türkisch</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ukrainisch</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamesisch</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Walisisch</translation>
    </message>
</context>
<context>
    <name>SubtitleShare</name>
    <message>
        <source>%1 is larger than 4 MiB, so it is not shared with the room.</source>
        <translation>%1 ist größer als 4 MiB und wird daher nicht mit dem Raum geteilt.</translation>
    </message>
    <message>
        <source>%1 cannot be read, so it is not shared with the room: %2</source>
        <translation>%1 kann nicht gelesen werden und wird daher nicht mit dem Raum geteilt: %2</translation>
    </message>
    <message>
        <source>%1 It is not shared with the room.</source>
        <translation>%1 Die Datei wird nicht mit dem Raum geteilt.</translation>
    </message>
    <message>
        <source>The subtitle track %1 cannot be read, so it is not shared with the room: %2</source>
        <translation>Die Untertitelspur %1 kann nicht gelesen werden und wird daher nicht mit dem Raum geteilt: %2</translation>
    </message>
    <message>
        <source>The subtitle track %1 holds no text, so it is not shared with the room.</source>
        <translation>Die Untertitelspur %1 enthält keinen Text und wird daher nicht mit dem Raum geteilt.</translation>
    </message>
    <message>
        <source>The subtitle track %1 is larger than 4 MiB, so it is not shared with the room.</source>
        <translation>Die Untertitelspur %1 ist größer als 4 MiB und wird daher nicht mit dem Raum geteilt.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ActionsController</name>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei &amp;öffnen …</translation>
    </message>
    <message>
        <source>Open &amp;URL…</source>
        <translation>&amp;URL öffnen …</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;About Lockstep</source>
        <translation>Über &amp;Lockstep</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Wiedergeben</translation>
    </message>
    <message>
        <source>&amp;Forward 5 Seconds</source>
        <translation>5 Sekunden &amp;vor</translation>
    </message>
    <message>
        <source>&amp;Back 5 Seconds</source>
        <translation>5 Sekunden &amp;zurück</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>&amp;Lauter</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>Lei&amp;ser</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>Stu&amp;mm</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>&amp;Host a Room…</source>
        <translation>Raum &amp;eröffnen …</translation>
    </message>
    <message>
        <source>&amp;Join a Room…</source>
        <translation>Raum &amp;beitreten …</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Invite People…</source>
        <translation>Leute ei&amp;nladen …</translation>
    </message>
    <message>
        <source>&amp;Copy Invite Link</source>
        <translation>Einladungslink &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Resync Everyone</source>
        <translation>Alle neu &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Hosten beenden</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>&amp;Datei wählen …</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unmute (M)</source>
        <translation>Ton an (M)</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>Stumm (M)</translation>
    </message>
    <message>
        <source>I&apos;m &amp;Ready</source>
        <translation>Ich bin &amp;bereit</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Tell the room you are ready to start</source>
        <translation>Dem Raum sagen, dass du bereit bist</translation>
    </message>
    <message>
        <source>&amp;Chat…</source>
        <translation>&amp;Chat …</translation>
    </message>
    <message>
        <source>Send the room a message (Enter)</source>
        <translation>Dem Raum eine Nachricht schicken (Eingabetaste)</translation>
    </message>
    <message>
        <source>Add to &amp;Playlist…</source>
        <translation>Zur &amp;Playlist hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>&amp;Normal (%1)</source>
        <translation>&amp;Normal (%1)</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Langsamer</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Schneller</translation>
    </message>
    <message>
        <source>Audio &amp;Delay…</source>
        <translation>Ton&amp;verzögerung…</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ChatController</name>
    <message>
        <source>Sending “%1”…</source>
        <translation>Wird gesendet: „%1“…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n messages…</source>
        <translation>
            <numerusform>%n Nachricht wird gesendet…</numerusform>
            <numerusform>%n Nachrichten werden gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Schreib zuerst eine Nachricht.</translation>
    </message>
    <message>
        <source>A message can be at most %1 characters long; this one has %2.</source>
        <translation>Eine Nachricht darf höchstens %1 Zeichen lang sein; diese hat %2.</translation>
    </message>
    <message>
        <source>The message contains characters that cannot be sent.</source>
        <translation>Die Nachricht enthält Zeichen, die nicht gesendet werden können.</translation>
    </message>
    <message>
        <source>You can chat once you are in a room.</source>
        <translation>Chatten kannst du, sobald du in einem Raum bist.</translation>
    </message>
    <message numerus="yes">
        <source>You can send %1 messages every %2 seconds. Wait %n s.</source>
        <translation>
            <numerusform>Du kannst %1 Nachrichten alle %2 Sekunden senden. Warte %n Sekunde.</numerusform>
            <numerusform>Du kannst %1 Nachrichten alle %2 Sekunden senden. Warte %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The room refused your message because you sent several quickly. Wait a few seconds and send it again.</source>
        <translation>Der Raum hat deine Nachricht abgelehnt, weil du mehrere schnell hintereinander gesendet hast. Warte ein paar Sekunden und sende sie noch einmal.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::HostAddresses</name>
    <message>
        <source>internet, through your router</source>
        <translation>Internet, über deinen Router</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>nur dieser Computer</translation>
    </message>
    <message>
        <source>local network</source>
        <translation>lokales Netzwerk</translation>
    </message>
    <message>
        <source>internet over IPv6, no port to open; your router&apos;s firewall must let it in</source>
        <translation>Internet über IPv6, kein Port zu öffnen; die Firewall deines Routers muss die Verbindung durchlassen</translation>
    </message>
</context>
<context>
    <name>lockstep::room::HostCertificate</name>
    <message>
        <source>The encryption certificate %1 or its key %2 cannot be read.</source>
        <translation>Das Verschlüsselungszertifikat %1 oder sein Schlüssel %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Of the encryption certificate %1 and its key %2, one is missing.</source>
        <translation>Vom Verschlüsselungszertifikat %1 und seinem Schlüssel %2 fehlt einer.</translation>
    </message>
    <message>
        <source>The encryption certificate %1 is damaged.</source>
        <translation>Das Verschlüsselungszertifikat %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The encryption key %1 is damaged.</source>
        <translation>Der Verschlüsselungsschlüssel %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The encryption key %1 does not belong to the certificate %2.</source>
        <translation>Der Verschlüsselungsschlüssel %1 gehört nicht zum Zertifikat %2.</translation>
    </message>
    <message>
        <source>The encryption certificate %1 is not valid at this date.</source>
        <translation>Das Verschlüsselungszertifikat %1 ist zu diesem Datum nicht gültig.</translation>
    </message>
    <message>
        <source>To make a new one, move the folder %1 away; invites sent before will then stop working.</source>
        <translation>Um ein neues zu erstellen, verschieben Sie den Ordner %1; zuvor verschickte Einladungen funktionieren dann nicht mehr.</translation>
    </message>
    <message>
        <source>The encryption key %1 is readable by other users and its permissions cannot be changed.</source>
        <translation>Der Verschlüsselungsschlüssel %1 ist für andere Benutzer lesbar, und seine Berechtigungen lassen sich nicht ändern.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the encryption certificate.</source>
        <translation>Der Ordner %1 für das Verschlüsselungszertifikat kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot make an encryption certificate (OpenSSL failed).</source>
        <translation>Es kann kein Verschlüsselungszertifikat erstellt werden (OpenSSL ist fehlgeschlagen).</translation>
    </message>
    <message>
        <source>Cannot save the encryption certificate in %1.</source>
        <translation>Das Verschlüsselungszertifikat kann nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>The new encryption certificate in %1 cannot be read back.</source>
        <translation>Das neue Verschlüsselungszertifikat in %1 kann nicht wieder eingelesen werden.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::InviteLink</name>
    <message>
        <source>Paste the invite link you were sent.</source>
        <translation>Füge den Einladungslink ein, den du bekommen hast.</translation>
    </message>
    <message>
        <source>This is not a Lockstep invite link. Invite links start with lockstep://join.</source>
        <translation>Das ist kein Lockstep-Einladungslink. Einladungslinks beginnen mit lockstep://join.</translation>
    </message>
    <message>
        <source>This Lockstep link does not lead to a room.</source>
        <translation>Dieser Lockstep-Link führt zu keinem Raum.</translation>
    </message>
    <message>
        <source>The link does not say which server the room is on.</source>
        <translation>Der Link sagt nicht, auf welchem Server der Raum ist.</translation>
    </message>
    <message>
        <source>The server in the link must be a ws:// or wss:// address.</source>
        <translation>Der Server im Link muss eine ws://- oder wss://-Adresse sein.</translation>
    </message>
    <message>
        <source>The link does not say which room to join.</source>
        <translation>Der Link sagt nicht, welchem Raum du beitreten sollst.</translation>
    </message>
    <message>
        <source>The room in the link is not a valid room name.</source>
        <translation>Der Raum im Link ist kein gültiger Raumname.</translation>
    </message>
    <message>
        <source>The link&apos;s certificate fingerprint (fp) is damaged. Ask the host to send the link again.</source>
        <translation>Der Zertifikat-Fingerabdruck (fp) im Link ist beschädigt. Bitte den Host, dir den Link noch einmal zu schicken.</translation>
    </message>
    <message>
        <source>The link names a certificate fingerprint but an unencrypted ws:// server. Ask the host to send the link again.</source>
        <translation>Der Link nennt einen Zertifikat-Fingerabdruck, aber einen unverschlüsselten ws://-Server. Bitte den Host, dir den Link noch einmal zu schicken.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PlaybackController</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Wait until you are in the room to choose what it watches.</source>
        <translation>Warte, bis du im Raum bist, um auszuwählen, was er schaut.</translation>
    </message>
    <message>
        <source>Only the host can change what the room watches.</source>
        <translation>Nur der Host kann ändern, was der Raum schaut.</translation>
    </message>
    <message>
        <source>Everyone in the room now watches %1.</source>
        <translation>Alle im Raum schauen jetzt %1.</translation>
    </message>
    <message>
        <source>Only the host controls playback in this room</source>
        <translation>In diesem Raum steuert nur der Host die Wiedergabe</translation>
    </message>
    <message>
        <source>%1 cannot be watched together: its server does not let players jump to a position (it does not support byte ranges), and keeping everyone in step needs that. Download it and open the file, or serve it from a server that supports ranges.</source>
        <translation>%1 kann nicht gemeinsam geschaut werden: Der Server lässt die Player nicht zu einer Position springen (er unterstützt keine Byte-Ranges), und das ist nötig, um alle im Gleichschritt zu halten. Lade es herunter und öffne die Datei, oder stelle es über einen Server bereit, der Ranges unterstützt.</translation>
    </message>
    <message>
        <source>%1 plays from the start only: its server does not let players jump to a position.</source>
        <translation>%1 lässt sich nur von Anfang an abspielen: Der Server lässt die Player nicht zu einer Position springen.</translation>
    </message>
    <message>
        <source>Cannot watch %1 together</source>
        <translation>%1 kann nicht gemeinsam geschaut werden</translation>
    </message>
    <message>
        <source>This video cannot jump to a position: its server does not allow it.</source>
        <translation>In diesem Video kann nicht zu einer Position gesprungen werden: Der Server erlaubt es nicht.</translation>
    </message>
    <message>
        <source>%1 stopped sharing %2. Choose your copy to keep watching.</source>
        <translation>%1 teilt %2 nicht mehr. Wähle deine Kopie, um weiterzuschauen.</translation>
    </message>
    <message>
        <source>The stream from %1 broke off. Choose your copy of %2, or stream again.</source>
        <translation>Der Stream von %1 ist abgebrochen. Wähle deine Kopie von %2 oder streame erneut.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomActivity</name>
    <message>
        <source>%1 closed the video.</source>
        <translation>%1 hat das Video geschlossen.</translation>
    </message>
    <message>
        <source>%1 chose %2.</source>
        <translation>%1 hat %2 gewählt.</translation>
    </message>
    <message>
        <source>%1 pressed play at %2</source>
        <translation>%1 hat bei %2 abgespielt</translation>
    </message>
    <message>
        <source>%1 paused at %2</source>
        <translation>%1 hat bei %2 pausiert</translation>
    </message>
    <message>
        <source>%1 jumped to %2</source>
        <translation>%1 ist zu %2 gesprungen</translation>
    </message>
    <message>
        <source>The video reached its end at %1</source>
        <translation>Das Video ist bei %1 zu Ende</translation>
    </message>
    <message>
        <source>Playback started for everyone at %1</source>
        <translation>Die Wiedergabe hat für alle bei %1 begonnen</translation>
    </message>
    <message>
        <source>Next in the playlist: %1.</source>
        <translation>Als Nächstes in der Playlist: %1.</translation>
    </message>
    <message>
        <source>%1 set the speed to %2</source>
        <translation>%1 hat die Geschwindigkeit auf %2 gesetzt</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PlaylistController</name>
    <message>
        <source>The playlist belongs to a room: host or join one first.</source>
        <translation>Die Playlist gehört zu einem Raum: Hoste zuerst einen oder tritt einem bei.</translation>
    </message>
    <message>
        <source>Only the host changes the playlist in this room.</source>
        <translation>In diesem Raum ändert nur der Host die Playlist.</translation>
    </message>
    <message>
        <source>Not added, because it is not a file or a web address: %1</source>
        <translation>Nicht hinzugefügt, weil es keine Datei und keine Webadresse ist: %1</translation>
    </message>
    <message numerus="yes">
        <source>A playlist holds at most %1 items; %n were left out.</source>
        <translation>
            <numerusform>Eine Playlist fasst höchstens %1 Einträge; %n wurde weggelassen.</numerusform>
            <numerusform>Eine Playlist fasst höchstens %1 Einträge; %n wurden weggelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lockstep cannot play %1, so it was not added to the playlist.</source>
        <translation>Lockstep kann %1 nicht abspielen, daher wurde es nicht zur Playlist hinzugefügt.</translation>
    </message>
    <message>
        <source>Added %1 to the playlist.</source>
        <translation>%1 zur Playlist hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the playlist.</source>
        <translation>
            <numerusform>%n Eintrag zur Playlist hinzugefügt.</numerusform>
            <numerusform>%n Einträge zur Playlist hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The playlist could not be changed.</source>
        <translation>Die Playlist konnte nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PortMapper</name>
    <message>
        <source>No UPnP router was found on your network.</source>
        <translation>In deinem Netzwerk wurde kein UPnP-Router gefunden.</translation>
    </message>
    <message>
        <source>A UPnP device answered, but it is not a router that can open ports.</source>
        <translation>Ein UPnP-Gerät hat geantwortet, aber es ist kein Router, der Ports öffnen kann.</translation>
    </message>
    <message>
        <source>The router refused to open port %1 (%2).</source>
        <translation>Der Router hat sich geweigert, Port %1 zu öffnen (%2).</translation>
    </message>
    <message>
        <source>People outside your network can join only if TCP port %1 is open on your router.</source>
        <translation>Leute von außerhalb deines Netzwerks können nur beitreten, wenn der TCP-Port %1 an deinem Router offen ist.</translation>
    </message>
    <message>
        <source>Asking your router to open port %1…</source>
        <translation>Bitte den Router, Port %1 zu öffnen …</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Port %1 is open on your router, but the router&apos;s own address (%2) is private: your internet provider shares it, so people outside may still not reach you.</source>
        <translation>Port %1 ist an deinem Router offen, aber die eigene Adresse des Routers (%2) ist privat: Dein Internetanbieter teilt sie mit anderen, daher erreichen dich Leute von außerhalb vielleicht trotzdem nicht.</translation>
    </message>
    <message>
        <source>No router on your network answered NAT-PMP.</source>
        <translation>Kein Router in deinem Netzwerk hat auf NAT-PMP geantwortet.</translation>
    </message>
    <message>
        <source>The router refused to open port %1 (NAT-PMP error %2).</source>
        <translation>Der Router hat sich geweigert, Port %1 zu öffnen (NAT-PMP-Fehler %2).</translation>
    </message>
    <message>
        <source>The router would open port %1 only under another number (%2).</source>
        <translation>Der Router würde Port %1 nur unter einer anderen Nummer öffnen (%2).</translation>
    </message>
    <message>
        <source>This copy of Lockstep was built without UPnP and NAT-PMP support.</source>
        <translation>Diese Lockstep-Version wurde ohne UPnP- und NAT-PMP-Unterstützung gebaut.</translation>
    </message>
    <message>
        <source>Port %1 is open on your router (%3). People on the internet can join through %2.</source>
        <translation>Port %1 ist an deinem Router offen (%3). Leute im Internet können über %2 beitreten.</translation>
    </message>
    <message>
        <source>%1 To let people outside your network join, forward TCP port %2 to this computer in your router&apos;s settings, or host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>%1 Damit Leute von außerhalb deines Netzwerks beitreten können, leite in den Einstellungen deines Routers den TCP-Port %2 an diesen Computer weiter, oder hoste den Raum stattdessen auf einem Server (Raum &gt; Raum eröffnen …, Auf einem Server).</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ReachabilityCheck</name>
    <message>
        <source>Checking whether people outside can reach you at %1…</source>
        <translation>Prüfe, ob Leute von außerhalb dich unter %1 erreichen …</translation>
    </message>
    <message>
        <source>People outside your network can join: this computer answered at your public address %1.</source>
        <translation>Leute von außerhalb deines Netzwerks können beitreten: Dieser Computer hat unter deiner öffentlichen Adresse %1 geantwortet.</translation>
    </message>
    <message>
        <source>Lockstep could not reach this computer through your public address %1. Many routers do not let a computer reach itself that way, so people outside may still get in: ask one of them to try the link. If they cannot, host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>Lockstep konnte diesen Computer nicht über deine öffentliche Adresse %1 erreichen. Viele Router lassen nicht zu, dass ein Computer sich auf diesem Weg selbst erreicht, daher kommen Leute von außerhalb vielleicht trotzdem hinein: Bitte jemanden von ihnen, den Link auszuprobieren. Klappt es nicht, hoste den Raum stattdessen auf einem Server (Raum &gt; Raum eröffnen …, Auf einem Server).</translation>
    </message>
    <message>
        <source>Another computer answers at your public address %1, not this one: people outside would not reach your room. Host on another port, or host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>Unter deiner öffentlichen Adresse %1 antwortet ein anderer Computer, nicht dieser: Leute von außerhalb würden deinen Raum nicht erreichen. Hoste auf einem anderen Port oder hoste den Raum stattdessen auf einem Server (Raum &gt; Raum eröffnen …, Auf einem Server).</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomConnection</name>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomController</name>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message>
        <source>You asked everyone to resync.</source>
        <translation>Du hast alle neu synchronisieren lassen.</translation>
    </message>
    <message>
        <source>Back in the room.</source>
        <translation>Wieder im Raum.</translation>
    </message>
    <message>
        <source>Your room is open.</source>
        <translation>Dein Raum ist offen.</translation>
    </message>
    <message>
        <source>You joined %1&apos;s room.</source>
        <translation>Du bist dem Raum von %1 beigetreten.</translation>
    </message>
    <message>
        <source>You are now the host.</source>
        <translation>Du bist jetzt der Host.</translation>
    </message>
    <message>
        <source>%1 is now the host.</source>
        <translation>%1 ist jetzt der Host.</translation>
    </message>
    <message>
        <source>Cannot write the invite link to %1: %2</source>
        <translation>Der Einladungslink kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1&apos;s copy ended at %2.</source>
        <translation>Die Kopie von %1 ist bei %2 zu Ende.</translation>
    </message>
    <message>
        <source>The room put you back in step, at %1.</source>
        <translation>Der Raum hat dich bei %1 wieder in den Gleichschritt gebracht.</translation>
    </message>
    <message>
        <source>Trying to reach the room again…</source>
        <translation>Versuche erneut, den Raum zu erreichen …</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomHosting</name>
    <message>
        <source>The server address must start with ws:// or wss:// and name a host, like wss://watch.example.org/.</source>
        <translation>Die Serveradresse muss mit ws:// oder wss:// beginnen und einen Host nennen, etwa wss://watch.example.org/.</translation>
    </message>
    <message>
        <source>This computer has no certificate to host with.</source>
        <translation>Dieser Computer hat kein Zertifikat zum Hosten.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomMedia</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Its name is not the same as the host&apos;s file (“%1”).</source>
        <translation>Ihr Name stimmt nicht mit der Datei des Hosts („%1“) überein.</translation>
    </message>
    <message>
        <source>Its name is not the same as %1&apos;s file (“%2”).</source>
        <translation>Ihr Name stimmt nicht mit der Datei von %1 („%2“) überein.</translation>
    </message>
    <message>
        <source>This file is %1 smaller than the host&apos;s.</source>
        <translation>Diese Datei ist %1 kleiner als die des Hosts.</translation>
    </message>
    <message>
        <source>This file is %1 smaller than %2&apos;s.</source>
        <translation>Diese Datei ist %1 kleiner als die von %2.</translation>
    </message>
    <message>
        <source>This file is %1 larger than the host&apos;s.</source>
        <translation>Diese Datei ist %1 größer als die des Hosts.</translation>
    </message>
    <message>
        <source>This file is %1 larger than %2&apos;s.</source>
        <translation>Diese Datei ist %1 größer als die von %2.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>It is %1 shorter than the host&apos;s.</source>
        <translation>Sie ist %1 kürzer als die des Hosts.</translation>
    </message>
    <message>
        <source>It is %1 shorter than %2&apos;s.</source>
        <translation>Sie ist %1 kürzer als die von %2.</translation>
    </message>
    <message>
        <source>It is %1 longer than the host&apos;s.</source>
        <translation>Sie ist %1 länger als die des Hosts.</translation>
    </message>
    <message>
        <source>It is %1 longer than %2&apos;s.</source>
        <translation>Sie ist %1 länger als die von %2.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomSession</name>
    <message>
        <source>You left the room.</source>
        <translation>Du hast den Raum verlassen.</translation>
    </message>
    <message>
        <source>You closed the room.</source>
        <translation>Du hast den Raum geschlossen.</translation>
    </message>
    <message>
        <source>%1 Reconnecting…</source>
        <translation>%1 Verbinde erneut …</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>Der Server antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>The room cannot be reached any more: the host may have quit or lost their connection. Your video keeps playing.</source>
        <translation>Der Raum ist nicht mehr erreichbar: Vielleicht hat der Host Lockstep beendet oder die Verbindung verloren. Dein Video läuft weiter.</translation>
    </message>
    <message>
        <source>%1&apos;s room cannot be reached any more: they may have quit or lost their connection. Your video keeps playing.</source>
        <translation>Der Raum von %1 ist nicht mehr erreichbar: Vielleicht hat %1 Lockstep beendet oder die Verbindung verloren. Dein Video läuft weiter.</translation>
    </message>
    <message>
        <source>%1 (the host) cannot be reached. %2 Reconnecting; your video keeps playing.</source>
        <translation>%1 (der Host) ist nicht erreichbar. %2 Verbinde erneut; dein Video läuft weiter.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ServerErrorText</name>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>This invite link is not valid.</source>
        <translation>Dieser Einladungslink ist ungültig.</translation>
    </message>
    <message>
        <source>This invite has expired. Ask the host for a new link.</source>
        <translation>Diese Einladung ist abgelaufen. Bitte den Host um einen neuen Link.</translation>
    </message>
    <message>
        <source>This room is full. Ask the host whether someone can make space for you.</source>
        <translation>Dieser Raum ist voll. Frag den Host, ob jemand Platz für dich machen kann.</translation>
    </message>
    <message>
        <source>This room does not exist (any more). The host may have closed it.</source>
        <translation>Diesen Raum gibt es nicht (mehr). Vielleicht hat der Host ihn geschlossen.</translation>
    </message>
    <message>
        <source>A room with this name already exists on the server.</source>
        <translation>Auf dem Server gibt es bereits einen Raum mit diesem Namen.</translation>
    </message>
    <message>
        <source>You need an invite to enter this room. Ask the host for an invite link.</source>
        <translation>Du brauchst eine Einladung, um diesen Raum zu betreten. Bitte den Host um einen Einladungslink.</translation>
    </message>
    <message>
        <source>The server did not accept your access token. It may have expired, or be meant for another server or room.</source>
        <translation>Der Server hat dein Zugangstoken nicht akzeptiert. Vielleicht ist es abgelaufen oder für einen anderen Server oder Raum gedacht.</translation>
    </message>
    <message>
        <source>You are already in this room from another connection. Try again in a moment.</source>
        <translation>Du bist über eine andere Verbindung schon in diesem Raum. Versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The room does not allow you to do that.</source>
        <translation>Der Raum erlaubt dir das nicht.</translation>
    </message>
    <message>
        <source>The server is busy, or too much was sent too quickly. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet, oder es wurde zu viel zu schnell gesendet. Versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This connection is already in a room.</source>
        <translation>Diese Verbindung ist bereits in einem Raum.</translation>
    </message>
    <message>
        <source>You are not in a room any more.</source>
        <translation>Du bist in keinem Raum mehr.</translation>
    </message>
    <message>
        <source>The server does not understand this version of Lockstep. Check for an update.</source>
        <translation>Der Server versteht diese Lockstep-Version nicht. Sieh nach, ob es ein Update gibt.</translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation>Der Server hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>Der Server hat die Anfrage nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Try again.</source>
        <translation>Auf dem Server ist etwas schiefgegangen. Versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Could not connect to %1. Check the address, and that the host is still hosting and can be reached from your network.</source>
        <translation>Keine Verbindung zu %1 möglich. Prüfe die Adresse und ob der Host noch hostet und aus deinem Netzwerk erreichbar ist.</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>Der Server wird heruntergefahren.</translation>
    </message>
    <message>
        <source>The server closed the connection: too much was sent too quickly.</source>
        <translation>Der Server hat die Verbindung getrennt: Es wurde zu viel zu schnell gesendet.</translation>
    </message>
    <message>
        <source>The server closed the connection: a message was too large.</source>
        <translation>Der Server hat die Verbindung getrennt: Eine Nachricht war zu groß.</translation>
    </message>
    <message>
        <source>The server is full. Try again later.</source>
        <translation>Der Server ist voll. Versuch es später noch einmal.</translation>
    </message>
    <message>
        <source>You joined this room again from somewhere else, so this window left it.</source>
        <translation>Du bist diesem Raum anderswo erneut beigetreten, deshalb hat dieses Fenster ihn verlassen.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>Die Verbindung zum Server ist abgebrochen.</translation>
    </message>
    <message>
        <source>The host closed the room.</source>
        <translation>Der Host hat den Raum geschlossen.</translation>
    </message>
    <message>
        <source>The room starts as soon as everyone is ready.</source>
        <translation>Der Raum startet, sobald alle bereit sind.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: another program is using it. Choose another port.</source>
        <translation>Hosten auf Port %1 nicht möglich: Ein anderes Programm verwendet ihn. Wähle einen anderen Port.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: ports below 1024 need administrator rights. Choose a port above 1024.</source>
        <translation>Hosten auf Port %1 nicht möglich: Ports unter 1024 erfordern Administratorrechte. Wähle einen Port über 1024.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: this computer has no such network address.</source>
        <translation>Hosten auf Port %1 nicht möglich: Dieser Computer hat keine solche Netzwerkadresse.</translation>
    </message>
    <message>
        <source>Cannot host an encrypted room: the certificate could not be used (%1).</source>
        <translation>Ein verschlüsselter Raum kann nicht gehostet werden: Das Zertifikat ist nicht verwendbar (%1).</translation>
    </message>
    <message>
        <source>Cannot host on port %1 (%2).</source>
        <translation>Hosten auf Port %1 nicht möglich (%2).</translation>
    </message>
    <message>
        <source>This is not the host&apos;s computer: its certificate does not match the invite. Someone may be intercepting the connection, or the host has a new certificate. Nothing was sent; ask the host for a new invite link.</source>
        <translation>Das ist nicht der Computer des Hosts: Sein Zertifikat passt nicht zur Einladung. Vielleicht fängt jemand die Verbindung ab, oder der Host hat ein neues Zertifikat. Es wurde nichts gesendet; bitte den Host um einen neuen Einladungslink.</translation>
    </message>
    <message>
        <source>This server lets only people with an access token create rooms. Enter the token its admin gave you in Room &gt; Host….</source>
        <translation>Auf diesem Server können nur Leute mit Zugangstoken Räume anlegen. Gib das Token, das du von seinem Admin bekommen hast, unter Raum &gt; Raum eröffnen … ein.</translation>
    </message>
    <message>
        <source>Your access token for this server has expired. Ask the server&apos;s admin for a new one.</source>
        <translation>Dein Zugangstoken für diesen Server ist abgelaufen. Bitte den Admin des Servers um ein neues.</translation>
    </message>
    <message>
        <source>This server did not accept your access token. Check that it is the token for this server, or ask its admin for a new one.</source>
        <translation>Dieser Server hat dein Zugangstoken nicht akzeptiert. Prüfe, ob es das Token für diesen Server ist, oder bitte seinen Admin um ein neues.</translation>
    </message>
    <message>
        <source>Could not connect to %1. %2</source>
        <translation>Keine Verbindung zu %1 möglich. %2</translation>
    </message>
    <message>
        <source>A secure connection could not be set up: the host&apos;s certificate does not match the invite link.</source>
        <translation>Es konnte keine sichere Verbindung aufgebaut werden: Das Zertifikat des Hosts passt nicht zum Einladungslink.</translation>
    </message>
    <message>
        <source>There is a web server at that address, not a Lockstep room. Check the invite link.</source>
        <translation>Unter dieser Adresse ist ein Webserver, kein Lockstep-Raum. Prüfe den Einladungslink.</translation>
    </message>
    <message>
        <source>Nothing answers at that address: the host may have stopped hosting, or the port is wrong.</source>
        <translation>Unter dieser Adresse antwortet nichts: Vielleicht hat der Host das Hosten beendet, oder der Port ist falsch.</translation>
    </message>
    <message>
        <source>That address could not be found. Check the invite link.</source>
        <translation>Diese Adresse wurde nicht gefunden. Prüfe den Einladungslink.</translation>
    </message>
    <message>
        <source>The host did not answer in time: it may be offline, or a firewall is in the way.</source>
        <translation>Der Host hat nicht rechtzeitig geantwortet: Vielleicht ist er offline, oder eine Firewall ist im Weg.</translation>
    </message>
    <message>
        <source>Your network cannot reach that address.</source>
        <translation>Dein Netzwerk kann diese Adresse nicht erreichen.</translation>
    </message>
    <message>
        <source>The host ended the connection at once.</source>
        <translation>Der Host hat die Verbindung sofort beendet.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. %1</source>
        <translation>Die Verbindung zum Server ist abgebrochen. %1</translation>
    </message>
</context>
<context>
    <name>lockstep::room::Settings</name>
    <message>
        <source>Lockstep host</source>
        <translation>Lockstep-Host</translation>
    </message>
</context>
<context>
    <name>lockstep::room::StatusController</name>
    <message>
        <source>Not in a room</source>
        <translation>In keinem Raum</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Entering the room…</source>
        <translation>Betrete den Raum …</translation>
    </message>
    <message>
        <source>Hosting · %1 watching</source>
        <translation>Hostet · im Raum: %1</translation>
    </message>
    <message>
        <source>In a room · %1 watching</source>
        <translation>Zu Gast · im Raum: %1</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut …</translation>
    </message>
    <message>
        <source>RTT %1</source>
        <translation>RTT %1</translation>
    </message>
    <message>
        <source>Clock %1</source>
        <translation>Uhr %1</translation>
    </message>
    <message>
        <source>Drift %1</source>
        <translation>Abweichung %1</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Nicht synchronisiert</translation>
    </message>
    <message>
        <source>No media</source>
        <translation>Kein Medium</translation>
    </message>
    <message>
        <source>Paused with the room</source>
        <translation>Mit dem Raum pausiert</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Adjusting speed (%1×)</source>
        <translation>Passe Tempo an (%1×)</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>Hole auf</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Puffert</translation>
    </message>
    <message>
        <source>%1 · Encrypted and verified</source>
        <translation>%1 · Verschlüsselt und überprüft</translation>
    </message>
    <message>
        <source>Speed %1</source>
        <translation>Geschwindigkeit %1</translation>
    </message>
    <message>
        <source>Sound delay %1</source>
        <translation>Tonverzögerung %1</translation>
    </message>
</context>
<context>
    <name>lockstep::room::SubtitleFetcher</name>
    <message>
        <source>The host no longer shares these subtitles.</source>
        <translation>Der Gastgeber teilt diese Untertitel nicht mehr.</translation>
    </message>
    <message>
        <source>The host did not let this app fetch its subtitles.</source>
        <translation>Der Gastgeber hat dieser App das Abrufen seiner Untertitel nicht erlaubt.</translation>
    </message>
    <message>
        <source>The host&apos;s subtitles could not be fetched: %1</source>
        <translation>Die Untertitel des Gastgebers konnten nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The host&apos;s subtitles are larger than 4 MiB.</source>
        <translation>Die Untertitel des Gastgebers sind größer als 4 MiB.</translation>
    </message>
</context>
<context>
    <name>lockstep::subtitles::SubtitleText</name>
    <message>
        <source>%1 is not a subtitle file Lockstep knows (.srt, .vtt, .ass or .ssa).</source>
        <translation>%1 ist keine Untertiteldatei, die Lockstep kennt (.srt, .vtt, .ass oder .ssa).</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is not a text file, so it holds no subtitles Lockstep can read.</source>
        <translation>%1 ist keine Textdatei und enthält daher keine Untertitel, die Lockstep lesen kann.</translation>
    </message>
    <message>
        <source>None of the subtitles in %1 has times Lockstep can read, so it was not loaded.</source>
        <translation>Keiner der Untertitel in %1 hat Zeiten, die Lockstep lesen kann; die Datei wurde nicht geladen.</translation>
    </message>
    <message>
        <source>%1 has no subtitles Lockstep can read.</source>
        <translation>%1 enthält keine Untertitel, die Lockstep lesen kann.</translation>
    </message>
    <message>
        <source>%1 is not in UTF-8; it was read as Windows-1252 (Western European), so some letters may be wrong.</source>
        <translation>%1 ist nicht in UTF-8; die Datei wurde als Windows-1252 (westeuropäisch) gelesen, daher können einige Buchstaben falsch sein.</translation>
    </message>
    <message>
        <source>1 subtitle in %1 has broken times and was left out.</source>
        <translation>1 Untertitel in %1 hat fehlerhafte Zeiten und wurde ausgelassen.</translation>
    </message>
    <message>
        <source>%1 subtitles in %2 have broken times and were left out.</source>
        <translation>%1 Untertitel in %2 haben fehlerhafte Zeiten und wurden ausgelassen.</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 existiert nicht oder ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is too large to be a subtitle file.</source>
        <translation>%1 ist zu groß für eine Untertiteldatei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::AudioDelayDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Audio Delay</source>
        <translation>Tonverzögerung</translation>
    </message>
    <message>
        <source>If your sound reaches you late (Bluetooth headphones, a TV&apos;s sound processing), say how late: your video then runs that much ahead, so that what you hear is in step with everyone. Remembered for %1.</source>
        <translation>Wenn dein Ton dich verspätet erreicht (Bluetooth-Kopfhörer, die Tonverarbeitung eines Fernsehers), gib an, wie sehr: Dein Video läuft dann so weit voraus, dass das, was du hörst, mit allen im Takt ist. Gespeichert für %1.</translation>
    </message>
    <message>
        <source>this sound output</source>
        <translation>diese Tonausgabe</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Audio delay</source>
        <translation>Tonverzögerung</translation>
    </message>
    <message>
        <source>To find it: press Test. A click plays, and the light flashes the delay later. Move the slider until you hear the click just as the light flashes.</source>
        <translation>So findest du den Wert: Drück „Testen“. Ein Klick ertönt, und das Licht blinkt um die Verzögerung später. Verschieb den Regler, bis du den Klick genau dann hörst, wenn das Licht blinkt.</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Blinken</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ChatInputBar</name>
    <message>
        <source>Message the room (Enter sends, Esc closes)</source>
        <translation>Nachricht an den Raum (Eingabetaste sendet, Esc schließt)</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ChatPane</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Nothing said yet. Say hello!</source>
        <translation>Noch hat niemand etwas gesagt. Sag hallo!</translation>
    </message>
    <message>
        <source>Message the room</source>
        <translation>Nachricht an den Raum</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>Open Link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

%1</source>
        <translation>Diesen Link im Webbrowser öffnen?

%1</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::HostDialog</name>
    <message>
        <source>Host a Room</source>
        <translation>Raum hosten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>The TCP port others connect to. 8765 unless something else uses it.</source>
        <translation>Der TCP-Port, mit dem sich die anderen verbinden. 8765, sofern nichts anderes ihn belegt.</translation>
    </message>
    <message>
        <source>Everyone in the room</source>
        <translation>Alle im Raum</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>Only people with an invite link can join</source>
        <translation>Nur Leute mit Einladungslink können beitreten</translation>
    </message>
    <message>
        <source>Open the port on my router (UPnP)</source>
        <translation>Den Port an meinem Router öffnen (UPnP)</translation>
    </message>
    <message>
        <source>Lets people outside your home network join, if your router allows it</source>
        <translation>Lässt Leute von außerhalb deines Heimnetzes beitreten, wenn dein Router es erlaubt</translation>
    </message>
    <message>
        <source>This copy of Lockstep was built without UPnP support</source>
        <translation>Diese Lockstep-Version wurde ohne UPnP-Unterstützung gebaut</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dein &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Who controls &amp;playback:</source>
        <translation>Wer die &amp;Wiedergabe steuert:</translation>
    </message>
    <message>
        <source>Invite links &amp;expire after:</source>
        <translation>Einladungen laufen &amp;ab nach:</translation>
    </message>
    <message>
        <source>Start Hosting</source>
        <translation>Hosten starten</translation>
    </message>
    <message>
        <source>Creating an invite…</source>
        <translation>Einladung wird erstellt …</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The link works for</source>
        <translation>Der Link gilt für</translation>
    </message>
    <message>
        <source>Others reach this computer at these addresses. The link uses the one you pick:</source>
        <translation>Die anderen erreichen diesen Computer unter diesen Adressen. Der Link verwendet die ausgewählte:</translation>
    </message>
    <message>
        <source>Open Port on &amp;Router</source>
        <translation>Port am &amp;Router öffnen</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Hosten beenden</translation>
    </message>
    <message>
        <source>Your room is open. Send the link below to the people you want to watch with. Only you control playback.</source>
        <translation>Dein Raum ist offen. Schick den Link unten an die Leute, mit denen du schauen willst. Nur du steuerst die Wiedergabe.</translation>
    </message>
    <message>
        <source>Your room is open. Send the link below to the people you want to watch with. Everyone can play, pause and seek.</source>
        <translation>Dein Raum ist offen. Schick den Link unten an die Leute, mit denen du schauen willst. Alle können abspielen, pausieren und springen.</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(bis %1)</translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation>%1   (%2)</translation>
    </message>
    <message>
        <source>To let people outside your network join, forward TCP port %1 to this computer in your router&apos;s settings.</source>
        <translation>Damit Leute von außerhalb deines Netzwerks beitreten können, leite in den Einstellungen deines Routers den TCP-Port %1 an diesen Computer weiter.</translation>
    </message>
    <message>
        <source>People outside your network can join only if TCP port %1 is open on your router.</source>
        <translation>Leute von außerhalb deines Netzwerks können nur beitreten, wenn der TCP-Port %1 an deinem Router offen ist.</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Start when everyone is ready</source>
        <translation>Starten, wenn alle bereit sind</translation>
    </message>
    <message>
        <source>Pressing play waits until everyone in the room has said &quot;I&apos;m ready&quot;</source>
        <translation>Die Wiedergabe wartet, bis alle im Raum „Ich bin bereit“ gesagt haben</translation>
    </message>
    <message>
        <source>Lockstep runs a small server on this computer, or puts your room on a Lockstep server that you and your friends can all reach. The people you invite connect to it and everyone&apos;s player follows the same timeline.</source>
        <translation>Lockstep startet einen kleinen Server auf diesem Computer oder legt deinen Raum auf einem Lockstep-Server an, den du und deine Freunde alle erreichen könnt. Die Leute, die du einlädst, verbinden sich damit, und alle Player folgen derselben Zeitleiste.</translation>
    </message>
    <message>
        <source>On this &amp;computer (encrypted)</source>
        <translation>Auf diesem &amp;Computer (verschlüsselt)</translation>
    </message>
    <message>
        <source>On a ser&amp;ver</source>
        <translation>Auf einem Ser&amp;ver</translation>
    </message>
    <message>
        <source>For when people outside your network cannot reach this computer (no port can be opened on your router, or your provider shares one address among many homes)</source>
        <translation>Für den Fall, dass Leute von außerhalb deines Netzwerks diesen Computer nicht erreichen (an deinem Router lässt sich kein Port öffnen, oder dein Anbieter teilt eine Adresse unter vielen Haushalten auf)</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Nur wenn der Server eines verlangt</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugangs&amp;token:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hosten:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like wss://watch.example.org/.</source>
        <translation>Gib die Adresse des Servers ein, etwa wss://watch.example.org/.</translation>
    </message>
    <message>
        <source>The room is on %1; it stays open for the others if you leave.</source>
        <translation>Der Raum liegt auf %1; er bleibt für die anderen offen, wenn du gehst.</translation>
    </message>
    <message>
        <source>The connection is encrypted, and the link lets your guests check that they reach this computer and no other.</source>
        <translation>Die Verbindung ist verschlüsselt, und mit dem Link können deine Gäste prüfen, dass sie diesen Computer erreichen und keinen anderen.</translation>
    </message>
    <message>
        <source>Let guests stream my file</source>
        <translation>Gäste dürfen meine Datei streamen</translation>
    </message>
    <message>
        <source>Guests without their own copy watch yours, sent from this computer over the room&apos;s encrypted connection</source>
        <translation>Gäste ohne eigene Kopie sehen deine, gesendet von diesem Computer über die verschlüsselte Verbindung des Raums</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::JoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation>Raum beitreten</translation>
    </message>
    <message>
        <source>Paste the invite link you were sent. Without one, enter the server and the room.</source>
        <translation>Füge den Einladungslink ein, den du bekommen hast. Ohne Link gib den Server und den Raum ein.</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Nur wenn der Server eines verlangt</translation>
    </message>
    <message>
        <source>Invite &amp;link:</source>
        <translation>Einladungs&amp;link:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dein &amp;Name:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugangs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>The server must be a ws:// or wss:// address, like ws://192.168.1.20:8765/.</source>
        <translation>Der Server muss eine ws://- oder wss://-Adresse sein, etwa ws://192.168.1.20:8765/.</translation>
    </message>
    <message>
        <source>Enter the room&apos;s name: letters, digits and . _ ~ - only.</source>
        <translation>Gib den Namen des Raums ein: nur Buchstaben, Ziffern und . _ ~ -.</translation>
    </message>
    <message>
        <source>Enter the name the others will see.</source>
        <translation>Gib den Namen ein, den die anderen sehen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Connected. Entering the room…</source>
        <translation>Verbunden. Betrete den Raum …</translation>
    </message>
    <message>
        <source>The server at %1 did not answer. Check the address, and that the host is still hosting and can be reached from your network.</source>
        <translation>Der Server unter %1 hat nicht geantwortet. Prüfe die Adresse und ob der Host noch hostet und aus deinem Netzwerk erreichbar ist.</translation>
    </message>
    <message>
        <source>Encrypted and verified: the link names the host&apos;s certificate, and no other computer will be accepted.</source>
        <translation>Verschlüsselt und überprüft: Der Link nennt das Zertifikat des Hosts, und kein anderer Computer wird akzeptiert.</translation>
    </message>
    <message>
        <source>Connecting to %1, encrypted, and checking that it is the host&apos;s computer…</source>
        <translation>Verbinde verschlüsselt mit %1 und prüfe, ob es der Computer des Hosts ist …</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::MainWindow</name>
    <message>
        <source>Invite link copied.</source>
        <translation>Einladungslink kopiert.</translation>
    </message>
    <message>
        <source>Cannot write the sync log %1: %2</source>
        <translation>Das Synchronisationsprotokoll %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot Host</source>
        <translation>Hosten nicht möglich</translation>
    </message>
    <message>
        <source>Lockstep</source>
        <translation>Lockstep</translation>
    </message>
    <message>
        <source>%1 – Lockstep</source>
        <translation>%1 – Lockstep</translation>
    </message>
    <message>
        <source>Stop hosting? The room closes for everyone in it.</source>
        <translation>Hosten beenden? Der Raum wird für alle darin geschlossen.</translation>
    </message>
    <message>
        <source>Join the other room? Your own room closes for everyone in it.</source>
        <translation>Dem anderen Raum beitreten? Dein eigener Raum wird für alle darin geschlossen.</translation>
    </message>
    <message>
        <source>Leave this room and join the other one?</source>
        <translation>Diesen Raum verlassen und dem anderen beitreten?</translation>
    </message>
    <message>
        <source>Leave this room to host your own?</source>
        <translation>Diesen Raum verlassen, um einen eigenen zu hosten?</translation>
    </message>
    <message>
        <source>About Lockstep</source>
        <translation>Über Lockstep</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;Watch a video together: everyone plays their own copy, and Lockstep keeps every player on one shared timeline.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://lockstep.app&quot;&gt;lockstep.app&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;Gemeinsam ein Video schauen: Alle spielen ihre eigene Kopie ab, und Lockstep hält jeden Player auf einer gemeinsamen Zeitleiste.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://lockstep.app&quot;&gt;lockstep.app&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit Lockstep? Your room closes for everyone in it.</source>
        <translation>Lockstep beenden? Dein Raum wird für alle darin geschlossen.</translation>
    </message>
    <message>
        <source>Closing the room…</source>
        <translation>Schließe den Raum …</translation>
    </message>
    <message>
        <source>Leave the room? It stays open on the server for the others.</source>
        <translation>Den Raum verlassen? Er bleibt auf dem Server für die anderen offen.</translation>
    </message>
    <message>
        <source>Room Unreachable</source>
        <translation>Raum nicht erreichbar</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::MediaPlayerBackend</name>
    <message>
        <source>The format is not supported, or the file is damaged. Installing more codecs (for example the GStreamer &quot;bad&quot; and &quot;libav&quot; plugins) may help.</source>
        <translation>Das Format wird nicht unterstützt, oder die Datei ist beschädigt. Weitere Codecs (zum Beispiel die GStreamer-Plugins „bad“ und „libav“) können helfen.</translation>
    </message>
    <message>
        <source>The stream could not be reached. Check the address and your connection.</source>
        <translation>Der Stream ist nicht erreichbar. Prüfe die Adresse und deine Verbindung.</translation>
    </message>
    <message>
        <source>Lockstep is not allowed to read it.</source>
        <translation>Lockstep darf sie nicht lesen.</translation>
    </message>
    <message>
        <source>The file may be missing, damaged or in a format that cannot be played.</source>
        <translation>Die Datei fehlt vielleicht, ist beschädigt oder in einem Format, das nicht abgespielt werden kann.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::OpenMediaDialogs</name>
    <message>
        <source>Videos and audio (%1);;All files (*)</source>
        <translation>Videos und Audio (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open URL</source>
        <translation>URL öffnen</translation>
    </message>
    <message>
        <source>Address of a video stream (http, https, rtsp…), or an invite link:</source>
        <translation>Adresse eines Videostreams (http, https, rtsp …) oder ein Einladungslink:</translation>
    </message>
    <message>
        <source>“%1” is not an address Lockstep can play.</source>
        <translation>„%1“ ist keine Adresse, die Lockstep abspielen kann.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>How far each player is from the room&apos;s timeline (ahead is positive)</source>
        <translation>Wie weit jeder Player von der Zeitleiste des Raums entfernt ist (voraus ist positiv)</translation>
    </message>
    <message>
        <source>Time for a message to reach the server and come back</source>
        <translation>Zeit, bis eine Nachricht beim Server ist und zurückkommt</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Tritt bei …</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Spielt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Puffert</translation>
    </message>
    <message>
        <source>You are the host</source>
        <translation>Du bist der Host</translation>
    </message>
    <message>
        <source>%1 is the host</source>
        <translation>%1 ist der Host</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>%1 ahead of the room&apos;s timeline</source>
        <translation>%1 vor der Zeitleiste des Raums</translation>
    </message>
    <message>
        <source>%1 behind the room&apos;s timeline</source>
        <translation>%1 hinter der Zeitleiste des Raums</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Who has said they are ready to start</source>
        <translation>Wer gesagt hat, dass er bereit ist</translation>
    </message>
    <message>
        <source>You are ready</source>
        <translation>Du bist bereit</translation>
    </message>
    <message>
        <source>You have not said you are ready</source>
        <translation>Du hast noch nicht gesagt, dass du bereit bist</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 ist bereit</translation>
    </message>
    <message>
        <source>%1 is not ready yet</source>
        <translation>%1 ist noch nicht bereit</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>How fast your computer sends your file to each guest streaming it</source>
        <translation>Wie schnell dein Computer deine Datei an jeden streamenden Gast sendet</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PartyBinding</name>
    <message>
        <source>You can chat once you are in a room.</source>
        <translation>Chatten kannst du, sobald du in einem Raum bist.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PlayerBinding</name>
    <message>
        <source>Audio only</source>
        <translation>Nur Audio</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Cannot play %1</source>
        <translation>%1 kann nicht abgespielt werden</translation>
    </message>
    <message>
        <source>Cannot play %1.</source>
        <translation>%1 kann nicht abgespielt werden.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PlaylistModel</name>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>%1
You have no copy of this file yet: right-click to choose yours.</source>
        <translation>%1
Du hast noch keine Kopie dieser Datei: Rechtsklick, um deine zu wählen.</translation>
    </message>
    <message>
        <source>%1
Your copy: %2</source>
        <translation>%1
Deine Kopie: %2</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PlaylistPane</name>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen …</translation>
    </message>
    <message>
        <source>Add Address…</source>
        <translation>Adresse hinzufügen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Play for Everyone</source>
        <translation>Für alle abspielen</translation>
    </message>
    <message numerus="yes">
        <source>Next: %1 starts in %n s</source>
        <translation>
            <numerusform>Als Nächstes: %1 beginnt in %n Sekunde</numerusform>
            <numerusform>Als Nächstes: %1 beginnt in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading one file…</source>
        <translation>Lese eine Datei …</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n files…</source>
        <translation>
            <numerusform>Lese %n Datei …</numerusform>
            <numerusform>Lese %n Dateien …</numerusform>
        </translation>
    </message>
    <message>
        <source>Add files or web addresses, or drop them here, to watch one after another.</source>
        <translation>Füge Dateien oder Webadressen hinzu oder zieh sie hierher, um sie nacheinander zu schauen.</translation>
    </message>
    <message>
        <source>The playlist is empty.</source>
        <translation>Die Playlist ist leer.</translation>
    </message>
    <message>
        <source>Only the host changes the playlist in this room.</source>
        <translation>In diesem Raum ändert nur der Host die Playlist.</translation>
    </message>
    <message>
        <source>Add to the Playlist</source>
        <translation>Zur Playlist hinzufügen</translation>
    </message>
    <message>
        <source>Choose Your Copy of %1</source>
        <translation>Deine Kopie von %1 wählen</translation>
    </message>
    <message>
        <source>Choose My Copy…</source>
        <translation>Meine Kopie wählen …</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The name the others in a room see</source>
        <translation>Der Name, den die anderen in einem Raum sehen</translation>
    </message>
    <message>
        <source>Lockstep will use the new language the next time it starts.</source>
        <translation>Lockstep verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dein &amp;Name:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The subtitles&apos; size, in percent of their normal size</source>
        <translation>Die Größe der Untertitel, in Prozent ihrer normalen Größe</translation>
    </message>
    <message>
        <source>How far above the bottom of the picture subtitles sit, in percent of its height</source>
        <translation>Wie weit über dem unteren Bildrand die Untertitel stehen, in Prozent der Bildhöhe</translation>
    </message>
    <message>
        <source>Subtitle &amp;size:</source>
        <translation>Untertitel&amp;größe:</translation>
    </message>
    <message>
        <source>Subtitle &amp;height:</source>
        <translation>Untertitel&amp;höhe:</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomFilePrompt</name>
    <message>
        <source>Nothing chosen yet</source>
        <translation>Noch nichts ausgewählt</translation>
    </message>
    <message>
        <source>Open a file or a stream: everyone in the room will watch it with you.</source>
        <translation>Öffne eine Datei oder einen Stream: Alle im Raum schauen ihn mit dir.</translation>
    </message>
    <message>
        <source>Waiting for %1 to choose what to watch</source>
        <translation>Warte darauf, dass %1 auswählt, was geschaut wird</translation>
    </message>
    <message>
        <source>Choose your copy of %1</source>
        <translation>Wähle deine Kopie von %1</translation>
    </message>
    <message>
        <source>%1 is watching %2. Everyone plays their own copy of the file, so choose yours to watch along.</source>
        <translation>%1 schaut %2. Alle spielen ihre eigene Kopie der Datei ab – wähle deine, um mitzuschauen.</translation>
    </message>
    <message>
        <source>Choose Your Copy of %1</source>
        <translation>Deine Kopie von %1 wählen</translation>
    </message>
    <message>
        <source>Is This the Right File?</source>
        <translation>Ist das die richtige Datei?</translation>
    </message>
    <message>
        <source>This file may not be the one the room is watching.</source>
        <translation>Diese Datei ist vielleicht nicht die, die der Raum schaut.</translation>
    </message>
    <message>
        <source>Use This File</source>
        <translation>Diese Datei verwenden</translation>
    </message>
    <message>
        <source>Choose Another…</source>
        <translation>Andere wählen …</translation>
    </message>
    <message>
        <source>Stream from %1</source>
        <translation>Von %1 streamen</translation>
    </message>
    <message>
        <source>Watch %1 with the room</source>
        <translation>%1 mit dem Raum ansehen</translation>
    </message>
    <message>
        <source>%1 is watching %2 and shares it: stream it from %3, or choose your own copy.</source>
        <translation>%1 sieht %2 und teilt die Datei: streame sie von %3 oder wähle deine eigene Kopie.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomPanel</name>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>You are not in a room.</source>
        <translation>Du bist in keinem Raum.</translation>
    </message>
    <message>
        <source>Host a room and share its invite link, or join someone else&apos;s room with the link they sent you.</source>
        <translation>Hoste einen Raum und teile seinen Einladungslink, oder tritt mit dem Link, den du bekommen hast, dem Raum von jemand anderem bei.</translation>
    </message>
    <message>
        <source>Send this link to the people you want to watch with</source>
        <translation>Schick diesen Link an die Leute, mit denen du schauen willst</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the invite link</source>
        <translation>Den Einladungslink kopieren</translation>
    </message>
    <message>
        <source>Make Host</source>
        <translation>Zum Host machen</translation>
    </message>
    <message>
        <source>Hand the host role to the selected participant</source>
        <translation>Die Host-Rolle an die ausgewählte Person übergeben</translation>
    </message>
    <message>
        <source>Resync Everyone</source>
        <translation>Alle neu synchronisieren</translation>
    </message>
    <message>
        <source>Move every player to exactly where the room is now</source>
        <translation>Jeden Player genau dorthin setzen, wo der Raum gerade ist</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Opening your room…</source>
        <translation>Öffne deinen Raum …</translation>
    </message>
    <message>
        <source>Joining the room…</source>
        <translation>Trete dem Raum bei …</translation>
    </message>
    <message>
        <source>Reconnecting to the room…</source>
        <translation>Verbinde erneut mit dem Raum …</translation>
    </message>
    <message>
        <source>Your room</source>
        <translation>Dein Raum</translation>
    </message>
    <message>
        <source>%1&apos;s room</source>
        <translation>Raum von %1</translation>
    </message>
    <message>
        <source>You are the host. Only you control playback.</source>
        <translation>Du bist der Host. Nur du steuerst die Wiedergabe.</translation>
    </message>
    <message>
        <source>You are the host. Everyone can play, pause and seek.</source>
        <translation>Du bist der Host. Alle können abspielen, pausieren und springen.</translation>
    </message>
    <message>
        <source>%1 is the host and the only one who controls playback.</source>
        <translation>%1 ist der Host und steuert allein die Wiedergabe.</translation>
    </message>
    <message>
        <source>%1 is the host. Everyone can play, pause and seek.</source>
        <translation>%1 ist der Host. Alle können abspielen, pausieren und springen.</translation>
    </message>
    <message>
        <source>Only people with an invite link can join.</source>
        <translation>Nur Leute mit Einladungslink können beitreten.</translation>
    </message>
    <message>
        <source>Make %1 the Host?</source>
        <translation>%1 zum Host machen?</translation>
    </message>
    <message>
        <source>%1 will be able to hand the role on, resync everyone and invite people. You cannot take the role back unless %1 gives it to you.</source>
        <translation>%1 kann dann die Rolle weitergeben, alle neu synchronisieren und Leute einladen. Du bekommst die Rolle nur zurück, wenn %1 sie dir gibt.</translation>
    </message>
    <message>
        <source>Invite link copied.</source>
        <translation>Einladungslink kopiert.</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <source>%n people are here; the list shows %1 of them.</source>
        <translation>
            <numerusform>%n Person ist hier; die Liste zeigt %1 davon.</numerusform>
            <numerusform>%n Personen sind hier; die Liste zeigt %1 davon.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation>Chat (%1)</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>I&apos;m ready</source>
        <translation>Ich bin bereit</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <source>Playback starts when everyone is ready (%1 of %2 are).</source>
        <translation>Die Wiedergabe beginnt, wenn alle bereit sind (%1 von %2 sind es).</translation>
    </message>
    <message>
        <source>The room plays at %1.</source>
        <translation>Der Raum spielt mit %1.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomStatusLabels</name>
    <message>
        <source>What the sync engine is doing</source>
        <translation>Was die Synchronisation gerade tut</translation>
    </message>
    <message>
        <source>How far your player is from the room&apos;s timeline (ahead is positive)</source>
        <translation>Wie weit dein Player von der Zeitleiste des Raums entfernt ist (voraus ist positiv)</translation>
    </message>
    <message>
        <source>Round trip to the server</source>
        <translation>Umlaufzeit zum Server</translation>
    </message>
    <message>
        <source>Difference between this computer&apos;s clock and the server&apos;s</source>
        <translation>Unterschied zwischen der Uhr dieses Computers und der des Servers</translation>
    </message>
    <message>
        <source>Connection to the room</source>
        <translation>Verbindung zum Raum</translation>
    </message>
    <message>
        <source>The room&apos;s playback speed ([ and ] change it)</source>
        <translation>Die Wiedergabegeschwindigkeit des Raums ([ und ] ändern sie)</translation>
    </message>
    <message>
        <source>Your player runs this far ahead so that your late sound is in step with the room (Playback &gt; Audio Delay)</source>
        <translation>Dein Player läuft so weit voraus, damit dein verspäteter Ton mit dem Raum im Takt ist (Wiedergabe &gt; Tonverzögerung)</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::SubtitleSharingBinding</name>
    <message>
        <source>The host&apos;s subtitles cannot be fetched: it no longer shares them with this room.</source>
        <translation>Die Untertitel des Gastgebers können nicht abgerufen werden: Er teilt sie nicht mehr mit diesem Raum.</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>der Gastgeber</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::TrackMenu</name>
    <message>
        <source>&amp;Audio Track</source>
        <translation>&amp;Audiospur</translation>
    </message>
    <message>
        <source>&amp;Subtitles</source>
        <translation>&amp;Untertitel</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::TracksBinding</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (forced)</source>
        <translation>%1 (erzwungen)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>Load &amp;Subtitles…</source>
        <translation>&amp;Untertitel laden …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Subtitles &amp;Later (+%1 ms)</source>
        <translation>Untertitel &amp;später (+%1 ms)</translation>
    </message>
    <message>
        <source>Subtitles &amp;Earlier (−%1 ms)</source>
        <translation>Untertitel &amp;früher (−%1 ms)</translation>
    </message>
    <message>
        <source>&amp;Reset Subtitle Delay</source>
        <translation>Untertitelverzögerung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Shift+G</source>
        <translation>Shift+G</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>%1 (pictures, cannot be shown)</source>
        <translation>%1 (Bilder, können nicht angezeigt werden)</translation>
    </message>
    <message>
        <source>Subtitles stored as pictures (%1) cannot be shown; choose a text track or load a subtitle file.</source>
        <translation>Als Bilder gespeicherte Untertitel (%1) können nicht angezeigt werden; wähle eine Textspur oder lade eine Untertiteldatei.</translation>
    </message>
    <message>
        <source>Open a video first, then load %1 for it.</source>
        <translation>Öffne zuerst ein Video und lade dann %1 dazu.</translation>
    </message>
    <message>
        <source>%1 is not a subtitle file Lockstep knows (.srt, .vtt, .ass or .ssa).</source>
        <translation>%1 ist keine Untertiteldatei, die Lockstep kennt (.srt, .vtt, .ass oder .ssa).</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 existiert nicht oder ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot read the subtitle track %1: %2</source>
        <translation>Die Untertitelspur %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The subtitle track %1 holds no text to show.</source>
        <translation>Die Untertitelspur %1 enthält keinen anzeigbaren Text.</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>%1 kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Subtitle delay: %1 ms</source>
        <translation>Untertitelverzögerung: %1 ms</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Reading the file&apos;s tracks…</source>
        <translation>Spuren der Datei werden gelesen …</translation>
    </message>
    <message>
        <source>Load Subtitles</source>
        <translation>Untertitel laden</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>Untertitel (*.srt *.vtt *.ass *.ssa);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>Von %1: %2</translation>
    </message>
    <message>
        <source>Shared by %1 with the film</source>
        <translation>Von %1 mit dem Film geteilt</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::Translations</name>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::TransportBar</name>
    <message>
        <source>Current position</source>
        <translation>Aktuelle Position</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Waiting for enough of the media to play on</source>
        <translation>Warte, bis genug vom Medium geladen ist, um weiterzuspielen</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Volume: %1 %</source>
        <translation>Lautstärke: %1 %</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Puffert</translation>
    </message>
    <message>
        <source>%p %</source>
        <extracomment>How much of the data needed to play on has arrived; %p is the number</extracomment>
        <translation>%p %</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::VideoArea</name>
    <message>
        <source>Open a file or join a room</source>
        <translation>Öffne eine Datei oder tritt einem Raum bei</translation>
    </message>
    <message>
        <source>Drop a video here, or host a room and send the invite link to the people you want to watch with. Everyone plays their own copy, in step.</source>
        <translation>Zieh ein Video hierher, oder hoste einen Raum und schick den Einladungslink an die Leute, mit denen du schauen willst. Alle spielen ihre eigene Kopie ab, im Gleichschritt.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Room Panel</source>
        <translation>&amp;Raumleiste</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
</context>
</TS>
