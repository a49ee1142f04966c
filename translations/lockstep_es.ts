<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AppMain</name>
    <message>
        <source>Play FILE or URL.</source>
        <translation>Reproducir ARCHIVO o URL.</translation>
    </message>
    <message>
        <source>FILE|URL</source>
        <translation>ARCHIVO|URL</translation>
    </message>
    <message>
        <source>Join the room of a lockstep://join invite LINK.</source>
        <translation>Unirse a la sala de un enlace de invitación lockstep://join LINK.</translation>
    </message>
    <message>
        <source>LINK</source>
        <translation>ENLACE</translation>
    </message>
    <message>
        <source>Host a room (with --open, for that media).</source>
        <translation>Hospedar una sala (con --open, para ese contenido).</translation>
    </message>
    <message>
        <source>Port to host on (with --host; 0 picks a free one).</source>
        <translation>Puerto en el que hospedar (con --host; 0 elige uno libre).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The name others see in the room, for this run.</source>
        <translation>El nombre que ven los demás en la sala, solo esta vez.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Write one JSON line per second about the sync engine to FILE.</source>
        <translation>Escribir cada segundo una línea JSON sobre la sincronización en ARCHIVO.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>When hosting, write the invite link to FILE.</source>
        <translation>Al hospedar, escribir el enlace de invitación en ARCHIVO.</translation>
    </message>
    <message>
        <source>A lockstep:// invite link to join, or a file to play.</source>
        <translation>Un enlace de invitación lockstep:// al que unirse, o un archivo que reproducir.</translation>
    </message>
    <message>
        <source>[LINK|FILE]</source>
        <translation>[ENLACE|ARCHIVO]</translation>
    </message>
    <message>
        <source>Give at most one link and one file.</source>
        <translation>Indica como mucho un enlace y un archivo.</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535.</source>
        <translation>--port necesita un número de 0 a 65535.</translation>
    </message>
    <message>
        <source>--port goes with --host.</source>
        <translation>--port va con --host.</translation>
    </message>
    <message>
        <source>Choose either --host or --join, not both.</source>
        <translation>Elige --host o --join, no ambos.</translation>
    </message>
    <message>
        <source>With --host: make the room on the lockstep-server at URL (ws://HOST:PORT/ or wss://HOST:PORT/) instead of hosting it on this computer; the invite link names that server.</source>
        <translation>Con --host: crear la sala en el lockstep-server de URL (ws://HOST:PORT/ o wss://HOST:PORT/) en lugar de hospedarla en este ordenador; el enlace de invitación indica ese servidor.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>With --server: the access token that server asks for.</source>
        <translation>Con --server: el token de acceso que pide ese servidor.</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>--server goes with --host.</source>
        <translation>--server va con --host.</translation>
    </message>
    <message>
        <source>Choose either --port (host on this computer) or --server, not both.</source>
        <translation>Elige --port (hospedar en este ordenador) o --server, no ambos.</translation>
    </message>
    <message>
        <source>--server needs a ws:// or wss:// address with a host, like wss://watch.example.org:8765/.</source>
        <translation>--server necesita una dirección ws:// o wss:// con un host, como wss://watch.example.org:8765/.</translation>
    </message>
    <message>
        <source>--auth-token goes with --server.</source>
        <translation>--auth-token va con --server.</translation>
    </message>
    <message>
        <source>Show the subtitles in FILE (.srt, .vtt, .ass or .ssa) with the media given to play.</source>
        <translation>Mostrar los subtítulos de FILE (.srt, .vtt, .ass o .ssa) con el medio indicado.</translation>
    </message>
    <message>
        <source>--subtitles goes with a file to play (--open FILE or FILE).</source>
        <translation>--subtitles va con un archivo que reproducir (--open FILE o FILE).</translation>
    </message>
    <message>
        <source>There is no subtitle file %1.</source>
        <translation>No existe el archivo de subtítulos %1.</translation>
    </message>
    <message>
        <source>Watch a video together, in step: everyone plays their own copy or streams the host&apos;s.</source>
        <translation>Ver un vídeo juntos, al mismo paso: cada uno reproduce su propia copia o transmite la del anfitrión.</translation>
    </message>
    <message>
        <source>Your sound reaches you MS milliseconds late (0 to 1000; Bluetooth headphones, a TV): your player runs that much ahead of the room, for this run.</source>
        <translation>Tu sonido te llega MS milisegundos tarde (0 a 1000; auriculares Bluetooth, un televisor): tu reproductor va así de adelantado respecto a la sala, en esta ejecución.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>--audio-delay needs a number of milliseconds from 0 to 1000.</source>
        <translation>--audio-delay necesita un número de milisegundos entre 0 y 1000.</translation>
    </message>
</context>
<context>
    <name>ContainerTracks</name>
    <message>
        <source>The file is not a Matroska or WebM file.</source>
        <translation>El archivo no es un archivo Matroska ni WebM.</translation>
    </message>
    <message>
        <source>The Matroska file has no segment.</source>
        <translation>El archivo Matroska no tiene segmento.</translation>
    </message>
    <message>
        <source>The Matroska file has no track list.</source>
        <translation>El archivo Matroska no tiene lista de pistas.</translation>
    </message>
    <message>
        <source>The MP4 file has no track list (it may be incomplete).</source>
        <translation>El archivo MP4 no tiene lista de pistas (puede que esté incompleto).</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>Track names are read from Matroska, WebM and MP4 files only.</source>
        <translation>Los nombres de las pistas solo se leen de archivos Matroska, WebM y MP4.</translation>
    </message>
    <message>
        <source>The file has no track %1.</source>
        <translation>El archivo no tiene la pista %1.</translation>
    </message>
    <message>
        <source>Subtitles are read from Matroska, WebM and MP4 files only.</source>
        <translation>Los subtítulos solo se leen de archivos Matroska, WebM y MP4.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>Euskera</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengalí</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>Búlgaro</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Catalán</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>Croata</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>Checo</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Danés</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>Estonio</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>Filipino</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>Gallego</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griego</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebreo</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>Húngaro</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>Islandés</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesio</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>Irlandés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>Letón</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>Lituano</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>Malayo</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Noruego</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>Noruego (nynorsk)</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>Persa</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>Rumano</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>Serbio</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>Eslovaco</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>Esloveno</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Sueco</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>Tamil</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>Tailandés</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Turco</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ucraniano</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Galés</translation>
    </message>
</context>
<context>
    <name>SubtitleShare</name>
    <message>
        <source>%1 is larger than 4 MiB, so it is not shared with the room.</source>
        <translation>%1 ocupa más de 4 MiB, así que no se comparte con la sala.</translation>
    </message>
    <message>
        <source>%1 cannot be read, so it is not shared with the room: %2</source>
        <translation>%1 no se puede leer, así que no se comparte con la sala: %2</translation>
    </message>
    <message>
        <source>%1 It is not shared with the room.</source>
        <translation>%1 No se comparte con la sala.</translation>
    </message>
    <message>
        <source>The subtitle track %1 cannot be read, so it is not shared with the room: %2</source>
        <translation>La pista de subtítulos %1 no se puede leer, así que no se comparte con la sala: %2</translation>
    </message>
    <message>
        <source>The subtitle track %1 holds no text, so it is not shared with the room.</source>
        <translation>La pista de subtítulos %1 no contiene texto, así que no se comparte con la sala.</translation>
    </message>
    <message>
        <source>The subtitle track %1 is larger than 4 MiB, so it is not shared with the room.</source>
        <translation>La pista de subtítulos %1 ocupa más de 4 MiB, así que no se comparte con la sala.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ActionsController</name>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Abrir archivo…</translation>
    </message>
    <message>
        <source>Open &amp;URL…</source>
        <translation>Abrir &amp;URL…</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;About Lockstep</source>
        <translation>&amp;Acerca de Lockstep</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <source>&amp;Forward 5 Seconds</source>
        <translation>A&amp;vanzar 5 segundos</translation>
    </message>
    <message>
        <source>&amp;Back 5 Seconds</source>
        <translation>Re&amp;troceder 5 segundos</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>S&amp;ubir volumen</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>&amp;Bajar volumen</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>Silen&amp;ciar</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Host a Room…</source>
        <translation>&amp;Hospedar una sala…</translation>
    </message>
    <message>
        <source>&amp;Join a Room…</source>
        <translation>&amp;Unirse a una sala…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Invite People…</source>
        <translation>&amp;Invitar a gente…</translation>
    </message>
    <message>
        <source>&amp;Copy Invite Link</source>
        <translation>&amp;Copiar enlace de invitación</translation>
    </message>
    <message>
        <source>&amp;Resync Everyone</source>
        <translation>&amp;Resincronizar a todos</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>&amp;Salir de la sala</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Dejar de hospedar</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>Elegir &amp;archivo…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unmute (M)</source>
        <translation>Activar sonido (M)</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>Silenciar (M)</translation>
    </message>
    <message>
        <source>I&apos;m &amp;Ready</source>
        <translation>Estoy &amp;listo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Tell the room you are ready to start</source>
        <translation>Decir a la sala que estás listo para empezar</translation>
    </message>
    <message>
        <source>&amp;Chat…</source>
        <translation>&amp;Chat…</translation>
    </message>
    <message>
        <source>Send the room a message (Enter)</source>
        <translation>Enviar un mensaje a la sala (Intro)</translation>
    </message>
    <message>
        <source>Add to &amp;Playlist…</source>
        <translation>Añadir a la &amp;lista…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>&amp;Normal (%1)</source>
        <translation>&amp;Normal (%1)</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>Más &amp;lento</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>Más &amp;rápido</translation>
    </message>
    <message>
        <source>Audio &amp;Delay…</source>
        <translation>&amp;Retardo del sonido…</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ChatController</name>
    <message>
        <source>Sending “%1”…</source>
        <translation>Enviando «%1»…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n messages…</source>
        <translation>
            <numerusform>Enviando %n mensaje…</numerusform>
            <numerusform>Enviando %n mensajes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Escribe primero un mensaje.</translation>
    </message>
    <message>
        <source>A message can be at most %1 characters long; this one has %2.</source>
        <translation>Un mensaje puede tener como máximo %1 caracteres; este tiene %2.</translation>
    </message>
    <message>
        <source>The message contains characters that cannot be sent.</source>
        <translation>El mensaje contiene caracteres que no se pueden enviar.</translation>
    </message>
    <message>
        <source>You can chat once you are in a room.</source>
        <translation>Podrás chatear cuando estés en una sala.</translation>
    </message>
    <message numerus="yes">
        <source>You can send %1 messages every %2 seconds. Wait %n s.</source>
        <translation>
            <numerusform>Puedes enviar %1 mensajes cada %2 segundos. Espera %n segundo.</numerusform>
            <numerusform>Puedes enviar %1 mensajes cada %2 segundos. Espera %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The room refused your message because you sent several quickly. Wait a few seconds and send it again.</source>
        <translation>La sala rechazó tu mensaje porque enviaste varios muy seguidos. Espera unos segundos y vuelve a enviarlo.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::HostAddresses</name>
    <message>
        <source>internet, through your router</source>
        <translation>internet, a través de tu router</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>solo este ordenador</translation>
    </message>
    <message>
        <source>local network</source>
        <translation>red local</translation>
    </message>
    <message>
        <source>internet over IPv6, no port to open; your router&apos;s firewall must let it in</source>
        <translation>internet por IPv6, sin abrir ningún puerto; el cortafuegos de tu router debe dejar pasar la conexión</translation>
    </message>
</context>
<context>
    <name>lockstep::room::HostCertificate</name>
    <message>
        <source>The encryption certificate %1 or its key %2 cannot be read.</source>
        <translation>No se puede leer el certificado de cifrado %1 o su clave %2.</translation>
    </message>
    <message>
        <source>Of the encryption certificate %1 and its key %2, one is missing.</source>
        <translation>Del certificado de cifrado %1 y su clave %2, falta uno.</translation>
    </message>
    <message>
        <source>The encryption certificate %1 is damaged.</source>
        <translation>El certificado de cifrado %1 está dañado.</translation>
    </message>
    <message>
        <source>The encryption key %1 is damaged.</source>
        <translation>La clave de cifrado %1 está dañada.</translation>
    </message>
    <message>
        <source>The encryption key %1 does not belong to the certificate %2.</source>
        <translation>La clave de cifrado %1 no pertenece al certificado %2.</translation>
    </message>
    <message>
        <source>The encryption certificate %1 is not valid at this date.</source>
        <translation>El certificado de cifrado %1 no es válido en esta fecha.</translation>
    </message>
    <message>
        <source>To make a new one, move the folder %1 away; invites sent before will then stop working.</source>
        <translation>Para crear uno nuevo, mueva la carpeta %1 a otro lugar; las invitaciones enviadas antes dejarán de funcionar.</translation>
    </message>
    <message>
        <source>The encryption key %1 is readable by other users and its permissions cannot be changed.</source>
        <translation>Otros usuarios pueden leer la clave de cifrado %1 y no se pueden cambiar sus permisos.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the encryption certificate.</source>
        <translation>No se puede crear la carpeta %1 para el certificado de cifrado.</translation>
    </message>
    <message>
        <source>Cannot make an encryption certificate (OpenSSL failed).</source>
        <translation>No se puede crear un certificado de cifrado (OpenSSL falló).</translation>
    </message>
    <message>
        <source>Cannot save the encryption certificate in %1.</source>
        <translation>No se puede guardar el certificado de cifrado en %1.</translation>
    </message>
    <message>
        <source>The new encryption certificate in %1 cannot be read back.</source>
        <translation>No se puede volver a leer el nuevo certificado de cifrado en %1.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::InviteLink</name>
    <message>
        <source>Paste the invite link you were sent.</source>
        <translation>Pega el enlace de invitación que te enviaron.</translation>
    </message>
    <message>
        <source>This is not a Lockstep invite link. Invite links start with lockstep://join.</source>
        <translation>Esto no es un enlace de invitación de Lockstep. Los enlaces de invitación empiezan por lockstep://join.</translation>
    </message>
    <message>
        <source>This Lockstep link does not lead to a room.</source>
        <translation>Este enlace de Lockstep no lleva a ninguna sala.</translation>
    </message>
    <message>
        <source>The link does not say which server the room is on.</source>
        <translation>El enlace no indica en qué servidor está la sala.</translation>
    </message>
    <message>
        <source>The server in the link must be a ws:// or wss:// address.</source>
        <translation>El servidor del enlace debe ser una dirección ws:// o wss://.</translation>
    </message>
    <message>
        <source>The link does not say which room to join.</source>
        <translation>El enlace no indica a qué sala unirse.</translation>
    </message>
    <message>
        <source>The room in the link is not a valid room name.</source>
        <translation>La sala del enlace no tiene un nombre válido.</translation>
    </message>
    <message>
        <source>The link&apos;s certificate fingerprint (fp) is damaged. Ask the host to send the link again.</source>
        <translation>La huella del certificado (fp) del enlace está dañada. Pide al anfitrión que te vuelva a enviar el enlace.</translation>
    </message>
    <message>
        <source>The link names a certificate fingerprint but an unencrypted ws:// server. Ask the host to send the link again.</source>
        <translation>El enlace indica una huella de certificado, pero un servidor ws:// sin cifrar. Pide al anfitrión que te vuelva a enviar el enlace.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PlaybackController</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>El archivo %1 no existe.</translation>
    </message>
    <message>
        <source>Wait until you are in the room to choose what it watches.</source>
        <translation>Espera a estar en la sala para elegir qué se ve.</translation>
    </message>
    <message>
        <source>Only the host can change what the room watches.</source>
        <translation>Solo el anfitrión puede cambiar lo que se ve en la sala.</translation>
    </message>
    <message>
        <source>Everyone in the room now watches %1.</source>
        <translation>Ahora todos en la sala ven %1.</translation>
    </message>
    <message>
        <source>Only the host controls playback in this room</source>
        <translation>En esta sala solo el anfitrión controla la reproducción</translation>
    </message>
    <message>
        <source>%1 cannot be watched together: its server does not let players jump to a position (it does not support byte ranges), and keeping everyone in step needs that. Download it and open the file, or serve it from a server that supports ranges.</source>
        <translation>%1 no se puede ver juntos: su servidor no deja que los reproductores salten a una posición (no admite rangos de bytes), y eso hace falta para mantener a todos sincronizados. Descárgalo y abre el archivo, o sírvelo desde un servidor que admita rangos.</translation>
    </message>
    <message>
        <source>%1 plays from the start only: its server does not let players jump to a position.</source>
        <translation>%1 solo se puede reproducir desde el principio: su servidor no deja que los reproductores salten a una posición.</translation>
    </message>
    <message>
        <source>Cannot watch %1 together</source>
        <translation>No se puede ver %1 juntos</translation>
    </message>
    <message>
        <source>This video cannot jump to a position: its server does not allow it.</source>
        <translation>En este vídeo no se puede saltar a una posición: su servidor no lo permite.</translation>
    </message>
    <message>
        <source>%1 stopped sharing %2. Choose your copy to keep watching.</source>
        <translation>%1 dejó de compartir %2. Elige tu copia para seguir viendo.</translation>
    </message>
    <message>
        <source>The stream from %1 broke off. Choose your copy of %2, or stream again.</source>
        <translation>La transmisión de %1 se cortó. Elige tu copia de %2 o vuelve a transmitir.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomActivity</name>
    <message>
        <source>%1 closed the video.</source>
        <translation>%1 ha cerrado el vídeo.</translation>
    </message>
    <message>
        <source>%1 chose %2.</source>
        <translation>%1 ha elegido %2.</translation>
    </message>
    <message>
        <source>%1 pressed play at %2</source>
        <translation>%1 ha pulsado reproducir en %2</translation>
    </message>
    <message>
        <source>%1 paused at %2</source>
        <translation>%1 ha pausado en %2</translation>
    </message>
    <message>
        <source>%1 jumped to %2</source>
        <translation>%1 ha saltado a %2</translation>
    </message>
    <message>
        <source>The video reached its end at %1</source>
        <translation>El vídeo llegó a su fin en %1</translation>
    </message>
    <message>
        <source>Playback started for everyone at %1</source>
        <translation>La reproducción empezó para todos en %1</translation>
    </message>
    <message>
        <source>Next in the playlist: %1.</source>
        <translation>Lo siguiente en la lista: %1.</translation>
    </message>
    <message>
        <source>%1 set the speed to %2</source>
        <translation>%1 puso la velocidad a %2</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PlaylistController</name>
    <message>
        <source>The playlist belongs to a room: host or join one first.</source>
        <translation>La lista pertenece a una sala: primero crea una o únete a una.</translation>
    </message>
    <message>
        <source>Only the host changes the playlist in this room.</source>
        <translation>En esta sala solo el anfitrión cambia la lista.</translation>
    </message>
    <message>
        <source>Not added, because it is not a file or a web address: %1</source>
        <translation>No se añadió porque no es un archivo ni una dirección web: %1</translation>
    </message>
    <message numerus="yes">
        <source>A playlist holds at most %1 items; %n were left out.</source>
        <translation>
            <numerusform>Una lista admite como máximo %1 elementos; se dejó fuera %n.</numerusform>
            <numerusform>Una lista admite como máximo %1 elementos; se dejaron fuera %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lockstep cannot play %1, so it was not added to the playlist.</source>
        <translation>Lockstep no puede reproducir %1, así que no se añadió a la lista.</translation>
    </message>
    <message>
        <source>Added %1 to the playlist.</source>
        <translation>%1 añadido a la lista.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n items to the playlist.</source>
        <translation>
            <numerusform>%n elemento añadido a la lista.</numerusform>
            <numerusform>%n elementos añadidos a la lista.</numerusform>
        </translation>
    </message>
    <message>
        <source>The playlist could not be changed.</source>
        <translation>No se pudo cambiar la lista.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::PortMapper</name>
    <message>
        <source>No UPnP router was found on your network.</source>
        <translation>No se encontró ningún router UPnP en tu red.</translation>
    </message>
    <message>
        <source>A UPnP device answered, but it is not a router that can open ports.</source>
        <translation>Ha respondido un dispositivo UPnP, pero no es un router que pueda abrir puertos.</translation>
    </message>
    <message>
        <source>The router refused to open port %1 (%2).</source>
        <translation>El router se negó a abrir el puerto %1 (%2).</translation>
    </message>
    <message>
        <source>People outside your network can join only if TCP port %1 is open on your router.</source>
        <translation>Las personas de fuera de tu red solo pueden unirse si el puerto TCP %1 está abierto en tu router.</translation>
    </message>
    <message>
        <source>Asking your router to open port %1…</source>
        <translation>Pidiendo a tu router que abra el puerto %1…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Port %1 is open on your router, but the router&apos;s own address (%2) is private: your internet provider shares it, so people outside may still not reach you.</source>
        <translation>El puerto %1 está abierto en tu router, pero la dirección del propio router (%2) es privada: tu proveedor de internet la comparte, así que puede que los de fuera sigan sin llegar a ti.</translation>
    </message>
    <message>
        <source>No router on your network answered NAT-PMP.</source>
        <translation>Ningún router de tu red respondió a NAT-PMP.</translation>
    </message>
    <message>
        <source>The router refused to open port %1 (NAT-PMP error %2).</source>
        <translation>El router se negó a abrir el puerto %1 (error de NAT-PMP %2).</translation>
    </message>
    <message>
        <source>The router would open port %1 only under another number (%2).</source>
        <translation>El router solo abriría el puerto %1 con otro número (%2).</translation>
    </message>
    <message>
        <source>This copy of Lockstep was built without UPnP and NAT-PMP support.</source>
        <translation>Esta copia de Lockstep se compiló sin compatibilidad con UPnP ni NAT-PMP.</translation>
    </message>
    <message>
        <source>Port %1 is open on your router (%3). People on the internet can join through %2.</source>
        <translation>El puerto %1 está abierto en tu router (%3). Desde internet se puede entrar por %2.</translation>
    </message>
    <message>
        <source>%1 To let people outside your network join, forward TCP port %2 to this computer in your router&apos;s settings, or host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>%1 Para que puedan unirse personas de fuera de tu red, redirige el puerto TCP %2 a este ordenador en la configuración de tu router, o hospeda la sala en un servidor (Sala &gt; Hospedar una sala…, En un servidor).</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ReachabilityCheck</name>
    <message>
        <source>Checking whether people outside can reach you at %1…</source>
        <translation>Comprobando si las personas de fuera pueden llegar a ti en %1…</translation>
    </message>
    <message>
        <source>People outside your network can join: this computer answered at your public address %1.</source>
        <translation>Las personas de fuera de tu red pueden unirse: este ordenador respondió en tu dirección pública %1.</translation>
    </message>
    <message>
        <source>Lockstep could not reach this computer through your public address %1. Many routers do not let a computer reach itself that way, so people outside may still get in: ask one of them to try the link. If they cannot, host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>Lockstep no pudo llegar a este ordenador a través de tu dirección pública %1. Muchos routers no dejan que un ordenador se alcance a sí mismo de esa forma, así que puede que las personas de fuera sí puedan entrar: pide a una de ellas que pruebe el enlace. Si no pueden, hospeda la sala en un servidor (Sala &gt; Hospedar una sala…, En un servidor).</translation>
    </message>
    <message>
        <source>Another computer answers at your public address %1, not this one: people outside would not reach your room. Host on another port, or host the room on a server instead (Room &gt; Host…, On a server).</source>
        <translation>En tu dirección pública %1 responde otro ordenador, no este: las personas de fuera no llegarían a tu sala. Hospeda en otro puerto, o hospeda la sala en un servidor (Sala &gt; Hospedar una sala…, En un servidor).</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomConnection</name>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomController</name>
    <message>
        <source>%1 joined</source>
        <translation>%1 se ha unido</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 se ha ido</translation>
    </message>
    <message>
        <source>You asked everyone to resync.</source>
        <translation>Has pedido a todos que se resincronicen.</translation>
    </message>
    <message>
        <source>Back in the room.</source>
        <translation>De vuelta en la sala.</translation>
    </message>
    <message>
        <source>Your room is open.</source>
        <translation>Tu sala está abierta.</translation>
    </message>
    <message>
        <source>You joined %1&apos;s room.</source>
        <translation>Te has unido a la sala de %1.</translation>
    </message>
    <message>
        <source>You are now the host.</source>
        <translation>Ahora eres el anfitrión.</translation>
    </message>
    <message>
        <source>%1 is now the host.</source>
        <translation>%1 es ahora el anfitrión.</translation>
    </message>
    <message>
        <source>Cannot write the invite link to %1: %2</source>
        <translation>No se puede escribir el enlace de invitación en %1: %2</translation>
    </message>
    <message>
        <source>%1&apos;s copy ended at %2.</source>
        <translation>La copia de %1 terminó en %2.</translation>
    </message>
    <message>
        <source>The room put you back in step, at %1.</source>
        <translation>La sala te ha vuelto a sincronizar, en %1.</translation>
    </message>
    <message>
        <source>Trying to reach the room again…</source>
        <translation>Intentando contactar de nuevo con la sala…</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomHosting</name>
    <message>
        <source>The server address must start with ws:// or wss:// and name a host, like wss://watch.example.org/.</source>
        <translation>La dirección del servidor debe empezar por ws:// o wss:// e indicar un host, como wss://watch.example.org/.</translation>
    </message>
    <message>
        <source>This computer has no certificate to host with.</source>
        <translation>Este ordenador no tiene un certificado para alojar.</translation>
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
        <translation>Su nombre no coincide con el del archivo del anfitrión («%1»).</translation>
    </message>
    <message>
        <source>Its name is not the same as %1&apos;s file (“%2”).</source>
        <translation>Su nombre no coincide con el del archivo de %1 («%2»).</translation>
    </message>
    <message>
        <source>This file is %1 smaller than the host&apos;s.</source>
        <translation>Este archivo ocupa %1 menos que el del anfitrión.</translation>
    </message>
    <message>
        <source>This file is %1 smaller than %2&apos;s.</source>
        <translation>Este archivo ocupa %1 menos que el de %2.</translation>
    </message>
    <message>
        <source>This file is %1 larger than the host&apos;s.</source>
        <translation>Este archivo ocupa %1 más que el del anfitrión.</translation>
    </message>
    <message>
        <source>This file is %1 larger than %2&apos;s.</source>
        <translation>Este archivo ocupa %1 más que el de %2.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>It is %1 shorter than the host&apos;s.</source>
        <translation>Dura %1 menos que el del anfitrión.</translation>
    </message>
    <message>
        <source>It is %1 shorter than %2&apos;s.</source>
        <translation>Dura %1 menos que el de %2.</translation>
    </message>
    <message>
        <source>It is %1 longer than the host&apos;s.</source>
        <translation>Dura %1 más que el del anfitrión.</translation>
    </message>
    <message>
        <source>It is %1 longer than %2&apos;s.</source>
        <translation>Dura %1 más que el de %2.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::RoomSession</name>
    <message>
        <source>You left the room.</source>
        <translation>Has salido de la sala.</translation>
    </message>
    <message>
        <source>You closed the room.</source>
        <translation>Has cerrado la sala.</translation>
    </message>
    <message>
        <source>%1 Reconnecting…</source>
        <translation>%1 Reconectando…</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>El servidor no respondió.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>El servidor dejó de responder.</translation>
    </message>
    <message>
        <source>The room cannot be reached any more: the host may have quit or lost their connection. Your video keeps playing.</source>
        <translation>Ya no se puede contactar con la sala: puede que el anfitrión haya salido de Lockstep o perdido la conexión. Tu vídeo sigue reproduciéndose.</translation>
    </message>
    <message>
        <source>%1&apos;s room cannot be reached any more: they may have quit or lost their connection. Your video keeps playing.</source>
        <translation>Ya no se puede contactar con la sala de %1: puede que haya salido de Lockstep o perdido la conexión. Tu vídeo sigue reproduciéndose.</translation>
    </message>
    <message>
        <source>%1 (the host) cannot be reached. %2 Reconnecting; your video keeps playing.</source>
        <translation>No se puede contactar con %1 (el anfitrión). %2 Reconectando; tu vídeo sigue reproduciéndose.</translation>
    </message>
</context>
<context>
    <name>lockstep::room::ServerErrorText</name>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>El servidor rechazó la solicitud (%1).</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>El servidor rechazó la solicitud: %1</translation>
    </message>
    <message>
        <source>This invite link is not valid.</source>
        <translation>Este enlace de invitación no es válido.</translation>
    </message>
    <message>
        <source>This invite has expired. Ask the host for a new link.</source>
        <translation>Esta invitación ha caducado. Pide al anfitrión un enlace nuevo.</translation>
    </message>
    <message>
        <source>This room is full. Ask the host whether someone can make space for you.</source>
        <translation>Esta sala está llena. Pregunta al anfitrión si alguien puede dejarte sitio.</translation>
    </message>
    <message>
        <source>This room does not exist (any more). The host may have closed it.</source>
        <translation>Esta sala no existe (o ya no existe). Puede que el anfitrión la haya cerrado.</translation>
    </message>
    <message>
        <source>A room with this name already exists on the server.</source>
        <translation>Ya existe una sala con este nombre en el servidor.</translation>
    </message>
    <message>
        <source>You need an invite to enter this room. Ask the host for an invite link.</source>
        <translation>Necesitas una invitación para entrar en esta sala. Pide al anfitrión un enlace de invitación.</translation>
    </message>
    <message>
        <source>The server did not accept your access token. It may have expired, or be meant for another server or room.</source>
        <translation>El servidor no aceptó tu token de acceso. Puede que haya caducado o que sea para otro servidor u otra sala.</translation>
    </message>
    <message>
        <source>You are already in this room from another connection. Try again in a moment.</source>
        <translation>Ya estás en esta sala desde otra conexión. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The room does not allow you to do that.</source>
        <translation>La sala no te permite hacer eso.</translation>
    </message>
    <message>
        <source>The server is busy, or too much was sent too quickly. Try again in a moment.</source>
        <translation>El servidor está ocupado o se envió demasiado en poco tiempo. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>This connection is already in a room.</source>
        <translation>Esta conexión ya está en una sala.</translation>
    </message>
    <message>
        <source>You are not in a room any more.</source>
        <translation>Ya no estás en ninguna sala.</translation>
    </message>
    <message>
        <source>The server does not understand this version of Lockstep. Check for an update.</source>
        <translation>El servidor no entiende esta versión de Lockstep. Busca una actualización.</translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation>El servidor no aceptó la solicitud.</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>El servidor no aceptó la solicitud: %1</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Try again.</source>
        <translation>Algo ha fallado en el servidor. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Could not connect to %1. Check the address, and that the host is still hosting and can be reached from your network.</source>
        <translation>No se pudo conectar con %1. Comprueba la dirección y que el anfitrión siga hospedando y sea accesible desde tu red.</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>El servidor se está apagando.</translation>
    </message>
    <message>
        <source>The server closed the connection: too much was sent too quickly.</source>
        <translation>El servidor cerró la conexión: se envió demasiado en poco tiempo.</translation>
    </message>
    <message>
        <source>The server closed the connection: a message was too large.</source>
        <translation>El servidor cerró la conexión: un mensaje era demasiado grande.</translation>
    </message>
    <message>
        <source>The server is full. Try again later.</source>
        <translation>El servidor está lleno. Vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>You joined this room again from somewhere else, so this window left it.</source>
        <translation>Te has vuelto a unir a esta sala desde otro sitio, así que esta ventana ha salido de ella.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>Se ha perdido la conexión con el servidor.</translation>
    </message>
    <message>
        <source>The host closed the room.</source>
        <translation>El anfitrión ha cerrado la sala.</translation>
    </message>
    <message>
        <source>The room starts as soon as everyone is ready.</source>
        <translation>La sala empieza en cuanto todos estén listos.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: another program is using it. Choose another port.</source>
        <translation>No se puede alojar en el puerto %1: otro programa lo está usando. Elige otro puerto.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: ports below 1024 need administrator rights. Choose a port above 1024.</source>
        <translation>No se puede alojar en el puerto %1: los puertos por debajo de 1024 requieren permisos de administrador. Elige un puerto por encima de 1024.</translation>
    </message>
    <message>
        <source>Cannot host on port %1: this computer has no such network address.</source>
        <translation>No se puede alojar en el puerto %1: este equipo no tiene esa dirección de red.</translation>
    </message>
    <message>
        <source>Cannot host an encrypted room: the certificate could not be used (%1).</source>
        <translation>No se puede alojar una sala cifrada: no se pudo usar el certificado (%1).</translation>
    </message>
    <message>
        <source>Cannot host on port %1 (%2).</source>
        <translation>No se puede alojar en el puerto %1 (%2).</translation>
    </message>
    <message>
        <source>This is not the host&apos;s computer: its certificate does not match the invite. Someone may be intercepting the connection, or the host has a new certificate. Nothing was sent; ask the host for a new invite link.</source>
        <translation>Este no es el ordenador del anfitrión: su certificado no coincide con la invitación. Puede que alguien esté interceptando la conexión, o que el anfitrión tenga un certificado nuevo. No se ha enviado nada; pide al anfitrión un enlace de invitación nuevo.</translation>
    </message>
    <message>
        <source>This server lets only people with an access token create rooms. Enter the token its admin gave you in Room &gt; Host….</source>
        <translation>Este servidor solo deja crear salas a quienes tienen un token de acceso. Escribe el token que te dio su administrador en Sala &gt; Hospedar una sala….</translation>
    </message>
    <message>
        <source>Your access token for this server has expired. Ask the server&apos;s admin for a new one.</source>
        <translation>Tu token de acceso para este servidor ha caducado. Pide uno nuevo al administrador del servidor.</translation>
    </message>
    <message>
        <source>This server did not accept your access token. Check that it is the token for this server, or ask its admin for a new one.</source>
        <translation>Este servidor no aceptó tu token de acceso. Comprueba que es el token de este servidor, o pide uno nuevo a su administrador.</translation>
    </message>
    <message>
        <source>Could not connect to %1. %2</source>
        <translation>No se pudo conectar con %1. %2</translation>
    </message>
    <message>
        <source>A secure connection could not be set up: the host&apos;s certificate does not match the invite link.</source>
        <translation>No se pudo establecer una conexión segura: el certificado del anfitrión no coincide con el enlace de invitación.</translation>
    </message>
    <message>
        <source>There is a web server at that address, not a Lockstep room. Check the invite link.</source>
        <translation>En esa dirección hay un servidor web, no una sala de Lockstep. Comprueba el enlace de invitación.</translation>
    </message>
    <message>
        <source>Nothing answers at that address: the host may have stopped hosting, or the port is wrong.</source>
        <translation>Nadie responde en esa dirección: puede que el anfitrión haya dejado de hospedar o que el puerto sea incorrecto.</translation>
    </message>
    <message>
        <source>That address could not be found. Check the invite link.</source>
        <translation>No se encontró esa dirección. Comprueba el enlace de invitación.</translation>
    </message>
    <message>
        <source>The host did not answer in time: it may be offline, or a firewall is in the way.</source>
        <translation>El anfitrión no respondió a tiempo: puede que esté desconectado o que un cortafuegos lo impida.</translation>
    </message>
    <message>
        <source>Your network cannot reach that address.</source>
        <translation>Tu red no puede llegar a esa dirección.</translation>
    </message>
    <message>
        <source>The host ended the connection at once.</source>
        <translation>El anfitrión cerró la conexión de inmediato.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. %1</source>
        <translation>Se ha perdido la conexión con el servidor. %1</translation>
    </message>
</context>
<context>
    <name>lockstep::room::Settings</name>
    <message>
        <source>Lockstep host</source>
        <translation>Equipo con Lockstep</translation>
    </message>
</context>
<context>
    <name>lockstep::room::StatusController</name>
    <message>
        <source>Not in a room</source>
        <translation>Fuera de una sala</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Entering the room…</source>
        <translation>Entrando en la sala…</translation>
    </message>
    <message>
        <source>Hosting · %1 watching</source>
        <translation>Hospedando · en la sala: %1</translation>
    </message>
    <message>
        <source>In a room · %1 watching</source>
        <translation>De invitado · en la sala: %1</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>RTT %1</source>
        <translation>RTT %1</translation>
    </message>
    <message>
        <source>Clock %1</source>
        <translation>Reloj %1</translation>
    </message>
    <message>
        <source>Drift %1</source>
        <translation>Desfase %1</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Sin sincronizar</translation>
    </message>
    <message>
        <source>No media</source>
        <translation>Sin contenido</translation>
    </message>
    <message>
        <source>Paused with the room</source>
        <translation>En pausa con la sala</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Adjusting speed (%1×)</source>
        <translation>Ajustando la velocidad (%1×)</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>Poniéndose al día</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Cargando búfer</translation>
    </message>
    <message>
        <source>%1 · Encrypted and verified</source>
        <translation>%1 · Cifrado y verificado</translation>
    </message>
    <message>
        <source>Speed %1</source>
        <translation>Velocidad %1</translation>
    </message>
    <message>
        <source>Sound delay %1</source>
        <translation>Retardo del sonido %1</translation>
    </message>
</context>
<context>
    <name>lockstep::room::SubtitleFetcher</name>
    <message>
        <source>The host no longer shares these subtitles.</source>
        <translation>El anfitrión ya no comparte estos subtítulos.</translation>
    </message>
    <message>
        <source>The host did not let this app fetch its subtitles.</source>
        <translation>El anfitrión no permitió que esta aplicación descargara sus subtítulos.</translation>
    </message>
    <message>
        <source>The host&apos;s subtitles could not be fetched: %1</source>
        <translation>No se pudieron descargar los subtítulos del anfitrión: %1</translation>
    </message>
    <message>
        <source>The host&apos;s subtitles are larger than 4 MiB.</source>
        <translation>Los subtítulos del anfitrión ocupan más de 4 MiB.</translation>
    </message>
</context>
<context>
    <name>lockstep::subtitles::SubtitleText</name>
    <message>
        <source>%1 is not a subtitle file Lockstep knows (.srt, .vtt, .ass or .ssa).</source>
        <translation>%1 no es un archivo de subtítulos que Lockstep conozca (.srt, .vtt, .ass o .ssa).</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>%1 is not a text file, so it holds no subtitles Lockstep can read.</source>
        <translation>%1 no es un archivo de texto, así que no contiene subtítulos que Lockstep pueda leer.</translation>
    </message>
    <message>
        <source>None of the subtitles in %1 has times Lockstep can read, so it was not loaded.</source>
        <translation>Ninguno de los subtítulos de %1 tiene tiempos que Lockstep pueda leer, así que no se cargó.</translation>
    </message>
    <message>
        <source>%1 has no subtitles Lockstep can read.</source>
        <translation>%1 no tiene subtítulos que Lockstep pueda leer.</translation>
    </message>
    <message>
        <source>%1 is not in UTF-8; it was read as Windows-1252 (Western European), so some letters may be wrong.</source>
        <translation>%1 no está en UTF-8; se leyó como Windows-1252 (Europa occidental), así que algunas letras pueden ser incorrectas.</translation>
    </message>
    <message>
        <source>1 subtitle in %1 has broken times and was left out.</source>
        <translation>1 subtítulo de %1 tiene tiempos erróneos y se omitió.</translation>
    </message>
    <message>
        <source>%1 subtitles in %2 have broken times and were left out.</source>
        <translation>%1 subtítulos de %2 tienen tiempos erróneos y se omitieron.</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 no existe o no es un archivo.</translation>
    </message>
    <message>
        <source>%1 is too large to be a subtitle file.</source>
        <translation>%1 es demasiado grande para ser un archivo de subtítulos.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::AudioDelayDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Probar</translation>
    </message>
    <message>
        <source>Audio Delay</source>
        <translation>Retardo del sonido</translation>
    </message>
    <message>
        <source>If your sound reaches you late (Bluetooth headphones, a TV&apos;s sound processing), say how late: your video then runs that much ahead, so that what you hear is in step with everyone. Remembered for %1.</source>
        <translation>Si el sonido te llega tarde (auriculares Bluetooth, el procesado de sonido de un televisor), indica cuánto: tu vídeo irá así de adelantado, para que lo que oyes vaya al paso de todos. Se recuerda para %1.</translation>
    </message>
    <message>
        <source>this sound output</source>
        <translation>esta salida de sonido</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Audio delay</source>
        <translation>Retardo del sonido</translation>
    </message>
    <message>
        <source>To find it: press Test. A click plays, and the light flashes the delay later. Move the slider until you hear the click just as the light flashes.</source>
        <translation>Para encontrarlo: pulsa Probar. Suena un clic y la luz parpadea con el retardo indicado. Mueve el control hasta oír el clic justo cuando parpadea la luz.</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Destello</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ChatInputBar</name>
    <message>
        <source>Message the room (Enter sends, Esc closes)</source>
        <translation>Mensaje para la sala (Intro envía, Esc cierra)</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ChatPane</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Nothing said yet. Say hello!</source>
        <translation>Nadie ha dicho nada todavía. ¡Saluda!</translation>
    </message>
    <message>
        <source>Message the room</source>
        <translation>Mensaje para la sala</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (tú)</translation>
    </message>
    <message>
        <source>Open Link?</source>
        <translation>¿Abrir el enlace?</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

%1</source>
        <translation>¿Abrir este enlace en tu navegador?

%1</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::HostDialog</name>
    <message>
        <source>Host a Room</source>
        <translation>Hospedar una sala</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Cualquier puerto libre</translation>
    </message>
    <message>
        <source>The TCP port others connect to. 8765 unless something else uses it.</source>
        <translation>El puerto TCP al que se conectan los demás. 8765, salvo que otro programa lo use.</translation>
    </message>
    <message>
        <source>Everyone in the room</source>
        <translation>Todos en la sala</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Solo yo</translation>
    </message>
    <message>
        <source>Only people with an invite link can join</source>
        <translation>Solo pueden unirse quienes tengan un enlace de invitación</translation>
    </message>
    <message>
        <source>Open the port on my router (UPnP)</source>
        <translation>Abrir el puerto en mi router (UPnP)</translation>
    </message>
    <message>
        <source>Lets people outside your home network join, if your router allows it</source>
        <translation>Permite unirse a personas de fuera de tu red doméstica, si tu router lo admite</translation>
    </message>
    <message>
        <source>This copy of Lockstep was built without UPnP support</source>
        <translation>Esta copia de Lockstep se compiló sin compatibilidad con UPnP</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>Who controls &amp;playback:</source>
        <translation>Quién controla la &amp;reproducción:</translation>
    </message>
    <message>
        <source>Invite links &amp;expire after:</source>
        <translation>Las invitaciones &amp;caducan tras:</translation>
    </message>
    <message>
        <source>Start Hosting</source>
        <translation>Empezar a hospedar</translation>
    </message>
    <message>
        <source>Creating an invite…</source>
        <translation>Creando una invitación…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>The link works for</source>
        <translation>El enlace vale durante</translation>
    </message>
    <message>
        <source>Others reach this computer at these addresses. The link uses the one you pick:</source>
        <translation>Los demás llegan a este ordenador por estas direcciones. El enlace usa la que elijas:</translation>
    </message>
    <message>
        <source>Open Port on &amp;Router</source>
        <translation>Abrir puerto en el &amp;router</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Dejar de hospedar</translation>
    </message>
    <message>
        <source>Your room is open. Send the link below to the people you want to watch with. Only you control playback.</source>
        <translation>Tu sala está abierta. Envía el enlace de abajo a las personas con las que quieras verlo. Solo tú controlas la reproducción.</translation>
    </message>
    <message>
        <source>Your room is open. Send the link below to the people you want to watch with. Everyone can play, pause and seek.</source>
        <translation>Tu sala está abierta. Envía el enlace de abajo a las personas con las que quieras verlo. Todos pueden reproducir, pausar y saltar.</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(hasta el %1)</translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation>%1   (%2)</translation>
    </message>
    <message>
        <source>To let people outside your network join, forward TCP port %1 to this computer in your router&apos;s settings.</source>
        <translation>Para que puedan unirse personas de fuera de tu red, redirige el puerto TCP %1 a este ordenador en la configuración de tu router.</translation>
    </message>
    <message>
        <source>People outside your network can join only if TCP port %1 is open on your router.</source>
        <translation>Las personas de fuera de tu red solo pueden unirse si el puerto TCP %1 está abierto en tu router.</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Start when everyone is ready</source>
        <translation>Empezar cuando todos estén listos</translation>
    </message>
    <message>
        <source>Pressing play waits until everyone in the room has said &quot;I&apos;m ready&quot;</source>
        <translation>Al pulsar reproducir se espera a que todos en la sala hayan dicho «Estoy listo»</translation>
    </message>
    <message>
        <source>Lockstep runs a small server on this computer, or puts your room on a Lockstep server that you and your friends can all reach. The people you invite connect to it and everyone&apos;s player follows the same timeline.</source>
        <translation>Lockstep ejecuta un pequeño servidor en este ordenador, o pone tu sala en un servidor de Lockstep al que tus amigos y tú podáis llegar. Las personas que invites se conectan a él y todos los reproductores siguen la misma línea de tiempo.</translation>
    </message>
    <message>
        <source>On this &amp;computer (encrypted)</source>
        <translation>En este &amp;ordenador (cifrado)</translation>
    </message>
    <message>
        <source>On a ser&amp;ver</source>
        <translation>En un ser&amp;vidor</translation>
    </message>
    <message>
        <source>For when people outside your network cannot reach this computer (no port can be opened on your router, or your provider shares one address among many homes)</source>
        <translation>Para cuando las personas de fuera de tu red no pueden llegar a este ordenador (no se puede abrir ningún puerto en tu router, o tu proveedor comparte una misma dirección entre muchos hogares)</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Solo si el servidor lo pide</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Dirección del &amp;servidor:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Token de acceso:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hospedar:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like wss://watch.example.org/.</source>
        <translation>Escribe la dirección del servidor, como wss://watch.example.org/.</translation>
    </message>
    <message>
        <source>The room is on %1; it stays open for the others if you leave.</source>
        <translation>La sala está en %1; seguirá abierta para los demás si te vas.</translation>
    </message>
    <message>
        <source>The connection is encrypted, and the link lets your guests check that they reach this computer and no other.</source>
        <translation>La conexión está cifrada, y el enlace permite a tus invitados comprobar que llegan a este ordenador y a ningún otro.</translation>
    </message>
    <message>
        <source>Let guests stream my file</source>
        <translation>Dejar que los invitados transmitan mi archivo</translation>
    </message>
    <message>
        <source>Guests without their own copy watch yours, sent from this computer over the room&apos;s encrypted connection</source>
        <translation>Los invitados sin copia propia ven la tuya, enviada desde este ordenador por la conexión cifrada de la sala</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::JoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation>Unirse a una sala</translation>
    </message>
    <message>
        <source>Paste the invite link you were sent. Without one, enter the server and the room.</source>
        <translation>Pega el enlace de invitación que te enviaron. Si no tienes uno, escribe el servidor y la sala.</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Solo si el servidor lo pide</translation>
    </message>
    <message>
        <source>Invite &amp;link:</source>
        <translation>&amp;Enlace de invitación:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>S&amp;ala:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Token de acceso:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <source>The server must be a ws:// or wss:// address, like ws://192.168.1.20:8765/.</source>
        <translation>El servidor debe ser una dirección ws:// o wss://, como ws://192.168.1.20:8765/.</translation>
    </message>
    <message>
        <source>Enter the room&apos;s name: letters, digits and . _ ~ - only.</source>
        <translation>Escribe el nombre de la sala: solo letras, cifras y . _ ~ -.</translation>
    </message>
    <message>
        <source>Enter the name the others will see.</source>
        <translation>Escribe el nombre que verán los demás.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Connected. Entering the room…</source>
        <translation>Conectado. Entrando en la sala…</translation>
    </message>
    <message>
        <source>The server at %1 did not answer. Check the address, and that the host is still hosting and can be reached from your network.</source>
        <translation>El servidor en %1 no respondió. Comprueba la dirección y que el anfitrión siga hospedando y sea accesible desde tu red.</translation>
    </message>
    <message>
        <source>Encrypted and verified: the link names the host&apos;s certificate, and no other computer will be accepted.</source>
        <translation>Cifrado y verificado: el enlace indica el certificado del anfitrión, y no se aceptará ningún otro ordenador.</translation>
    </message>
    <message>
        <source>Connecting to %1, encrypted, and checking that it is the host&apos;s computer…</source>
        <translation>Conectando con %1 de forma cifrada y comprobando que es el ordenador del anfitrión…</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::MainWindow</name>
    <message>
        <source>Invite link copied.</source>
        <translation>Enlace de invitación copiado.</translation>
    </message>
    <message>
        <source>Cannot write the sync log %1: %2</source>
        <translation>No se puede escribir el registro de sincronización %1: %2</translation>
    </message>
    <message>
        <source>Cannot Host</source>
        <translation>No se puede hospedar</translation>
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
        <translation>¿Dejar de hospedar? La sala se cerrará para todos los que están en ella.</translation>
    </message>
    <message>
        <source>Join the other room? Your own room closes for everyone in it.</source>
        <translation>¿Unirte a la otra sala? Tu propia sala se cerrará para todos los que están en ella.</translation>
    </message>
    <message>
        <source>Leave this room and join the other one?</source>
        <translation>¿Salir de esta sala y unirte a la otra?</translation>
    </message>
    <message>
        <source>Leave this room to host your own?</source>
        <translation>¿Salir de esta sala para hospedar la tuya?</translation>
    </message>
    <message>
        <source>About Lockstep</source>
        <translation>Acerca de Lockstep</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;Watch a video together: everyone plays their own copy, and Lockstep keeps every player on one shared timeline.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://lockstep.app&quot;&gt;lockstep.app&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lockstep %1&lt;/h3&gt;&lt;p&gt;Ver un vídeo juntos: cada uno reproduce su propia copia, y Lockstep mantiene todos los reproductores en una misma línea de tiempo.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://lockstep.app&quot;&gt;lockstep.app&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Compilado con Qt %2, funcionando con Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit Lockstep? Your room closes for everyone in it.</source>
        <translation>¿Salir de Lockstep? Tu sala se cerrará para todos los que están en ella.</translation>
    </message>
    <message>
        <source>Closing the room…</source>
        <translation>Cerrando la sala…</translation>
    </message>
    <message>
        <source>Leave the room? It stays open on the server for the others.</source>
        <translation>¿Salir de la sala? Seguirá abierta en el servidor para los demás.</translation>
    </message>
    <message>
        <source>Room Unreachable</source>
        <translation>Sala inaccesible</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::MediaPlayerBackend</name>
    <message>
        <source>The format is not supported, or the file is damaged. Installing more codecs (for example the GStreamer &quot;bad&quot; and &quot;libav&quot; plugins) may help.</source>
        <translation>El formato no es compatible o el archivo está dañado. Instalar más códecs (por ejemplo, los complementos «bad» y «libav» de GStreamer) puede ayudar.</translation>
    </message>
    <message>
        <source>The stream could not be reached. Check the address and your connection.</source>
        <translation>No se pudo acceder a la emisión. Comprueba la dirección y tu conexión.</translation>
    </message>
    <message>
        <source>Lockstep is not allowed to read it.</source>
        <translation>Lockstep no tiene permiso para leerlo.</translation>
    </message>
    <message>
        <source>The file may be missing, damaged or in a format that cannot be played.</source>
        <translation>Puede que el archivo falte, esté dañado o tenga un formato que no se puede reproducir.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::OpenMediaDialogs</name>
    <message>
        <source>Videos and audio (%1);;All files (*)</source>
        <translation>Vídeos y audio (%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Open URL</source>
        <translation>Abrir URL</translation>
    </message>
    <message>
        <source>Address of a video stream (http, https, rtsp…), or an invite link:</source>
        <translation>Dirección de una emisión de vídeo (http, https, rtsp…) o un enlace de invitación:</translation>
    </message>
    <message>
        <source>“%1” is not an address Lockstep can play.</source>
        <translation>«%1» no es una dirección que Lockstep pueda reproducir.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Desfase</translation>
    </message>
    <message>
        <source>How far each player is from the room&apos;s timeline (ahead is positive)</source>
        <translation>Cuánto se aleja cada reproductor de la línea de tiempo de la sala (adelantado es positivo)</translation>
    </message>
    <message>
        <source>Time for a message to reach the server and come back</source>
        <translation>Tiempo que tarda un mensaje en llegar al servidor y volver</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (tú)</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Uniéndose…</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Reproduciendo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Cargando búfer</translation>
    </message>
    <message>
        <source>You are the host</source>
        <translation>Eres el anfitrión</translation>
    </message>
    <message>
        <source>%1 is the host</source>
        <translation>%1 es el anfitrión</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>%1 ahead of the room&apos;s timeline</source>
        <translation>%1 por delante de la línea de tiempo de la sala</translation>
    </message>
    <message>
        <source>%1 behind the room&apos;s timeline</source>
        <translation>%1 por detrás de la línea de tiempo de la sala</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Who has said they are ready to start</source>
        <translation>Quién ha dicho que está listo para empezar</translation>
    </message>
    <message>
        <source>You are ready</source>
        <translation>Estás listo</translation>
    </message>
    <message>
        <source>You have not said you are ready</source>
        <translation>Aún no has dicho que estás listo</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 está listo</translation>
    </message>
    <message>
        <source>%1 is not ready yet</source>
        <translation>%1 aún no está listo</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Subida</translation>
    </message>
    <message>
        <source>How fast your computer sends your file to each guest streaming it</source>
        <translation>A qué velocidad tu ordenador envía tu archivo a cada invitado que lo transmite</translation>
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
        <translation>Podrás chatear cuando estés en una sala.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PlayerBinding</name>
    <message>
        <source>Audio only</source>
        <translation>Solo audio</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
    <message>
        <source>Cannot play %1</source>
        <translation>No se puede reproducir %1</translation>
    </message>
    <message>
        <source>Cannot play %1.</source>
        <translation>No se puede reproducir %1.</translation>
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
Todavía no tienes una copia de este archivo: haz clic derecho para elegir la tuya.</translation>
    </message>
    <message>
        <source>%1
Your copy: %2</source>
        <translation>%1
Tu copia: %2</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PlaylistPane</name>
    <message>
        <source>Add Files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Add Address…</source>
        <translation>Añadir dirección…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Play for Everyone</source>
        <translation>Reproducir para todos</translation>
    </message>
    <message numerus="yes">
        <source>Next: %1 starts in %n s</source>
        <translation>
            <numerusform>Siguiente: %1 empieza en %n segundo</numerusform>
            <numerusform>Siguiente: %1 empieza en %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading one file…</source>
        <translation>Leyendo un archivo…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n files…</source>
        <translation>
            <numerusform>Leyendo %n archivo…</numerusform>
            <numerusform>Leyendo %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Add files or web addresses, or drop them here, to watch one after another.</source>
        <translation>Añade archivos o direcciones web, o suéltalos aquí, para verlos uno tras otro.</translation>
    </message>
    <message>
        <source>The playlist is empty.</source>
        <translation>La lista está vacía.</translation>
    </message>
    <message>
        <source>Only the host changes the playlist in this room.</source>
        <translation>En esta sala solo el anfitrión cambia la lista.</translation>
    </message>
    <message>
        <source>Add to the Playlist</source>
        <translation>Añadir a la lista</translation>
    </message>
    <message>
        <source>Choose Your Copy of %1</source>
        <translation>Elige tu copia de %1</translation>
    </message>
    <message>
        <source>Choose My Copy…</source>
        <translation>Elegir mi copia…</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>The name the others in a room see</source>
        <translation>El nombre que ven los demás en una sala</translation>
    </message>
    <message>
        <source>Lockstep will use the new language the next time it starts.</source>
        <translation>Lockstep usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The subtitles&apos; size, in percent of their normal size</source>
        <translation>El tamaño de los subtítulos, en porcentaje de su tamaño normal</translation>
    </message>
    <message>
        <source>How far above the bottom of the picture subtitles sit, in percent of its height</source>
        <translation>A qué altura sobre el borde inferior de la imagen aparecen los subtítulos, en porcentaje de su altura</translation>
    </message>
    <message>
        <source>Subtitle &amp;size:</source>
        <translation>&amp;Tamaño de subtítulos:</translation>
    </message>
    <message>
        <source>Subtitle &amp;height:</source>
        <translation>&amp;Altura de subtítulos:</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomFilePrompt</name>
    <message>
        <source>Nothing chosen yet</source>
        <translation>Aún no se ha elegido nada</translation>
    </message>
    <message>
        <source>Open a file or a stream: everyone in the room will watch it with you.</source>
        <translation>Abre un archivo o una emisión: todos en la sala lo verán contigo.</translation>
    </message>
    <message>
        <source>Waiting for %1 to choose what to watch</source>
        <translation>Esperando a que %1 elija qué ver</translation>
    </message>
    <message>
        <source>Choose your copy of %1</source>
        <translation>Elige tu copia de %1</translation>
    </message>
    <message>
        <source>%1 is watching %2. Everyone plays their own copy of the file, so choose yours to watch along.</source>
        <translation>%1 está viendo %2. Cada uno reproduce su propia copia del archivo, así que elige la tuya para verlo a la vez.</translation>
    </message>
    <message>
        <source>Choose Your Copy of %1</source>
        <translation>Elige tu copia de %1</translation>
    </message>
    <message>
        <source>Is This the Right File?</source>
        <translation>¿Es este el archivo correcto?</translation>
    </message>
    <message>
        <source>This file may not be the one the room is watching.</source>
        <translation>Puede que este archivo no sea el que se está viendo en la sala.</translation>
    </message>
    <message>
        <source>Use This File</source>
        <translation>Usar este archivo</translation>
    </message>
    <message>
        <source>Choose Another…</source>
        <translation>Elegir otro…</translation>
    </message>
    <message>
        <source>Stream from %1</source>
        <translation>Transmitir desde %1</translation>
    </message>
    <message>
        <source>Watch %1 with the room</source>
        <translation>Ver %1 con la sala</translation>
    </message>
    <message>
        <source>%1 is watching %2 and shares it: stream it from %3, or choose your own copy.</source>
        <translation>%1 está viendo %2 y lo comparte: transmítelo desde %3 o elige tu propia copia.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomPanel</name>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>You are not in a room.</source>
        <translation>No estás en ninguna sala.</translation>
    </message>
    <message>
        <source>Host a room and share its invite link, or join someone else&apos;s room with the link they sent you.</source>
        <translation>Hospeda una sala y comparte su enlace de invitación, o únete a la sala de otra persona con el enlace que te envió.</translation>
    </message>
    <message>
        <source>Send this link to the people you want to watch with</source>
        <translation>Envía este enlace a las personas con las que quieras verlo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the invite link</source>
        <translation>Copiar el enlace de invitación</translation>
    </message>
    <message>
        <source>Make Host</source>
        <translation>Hacer anfitrión</translation>
    </message>
    <message>
        <source>Hand the host role to the selected participant</source>
        <translation>Ceder el papel de anfitrión a la persona seleccionada</translation>
    </message>
    <message>
        <source>Resync Everyone</source>
        <translation>Resincronizar a todos</translation>
    </message>
    <message>
        <source>Move every player to exactly where the room is now</source>
        <translation>Llevar cada reproductor exactamente a donde está ahora la sala</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Opening your room…</source>
        <translation>Abriendo tu sala…</translation>
    </message>
    <message>
        <source>Joining the room…</source>
        <translation>Uniéndote a la sala…</translation>
    </message>
    <message>
        <source>Reconnecting to the room…</source>
        <translation>Reconectando con la sala…</translation>
    </message>
    <message>
        <source>Your room</source>
        <translation>Tu sala</translation>
    </message>
    <message>
        <source>%1&apos;s room</source>
        <translation>Sala de %1</translation>
    </message>
    <message>
        <source>You are the host. Only you control playback.</source>
        <translation>Eres el anfitrión. Solo tú controlas la reproducción.</translation>
    </message>
    <message>
        <source>You are the host. Everyone can play, pause and seek.</source>
        <translation>Eres el anfitrión. Todos pueden reproducir, pausar y saltar.</translation>
    </message>
    <message>
        <source>%1 is the host and the only one who controls playback.</source>
        <translation>%1 es el anfitrión y el único que controla la reproducción.</translation>
    </message>
    <message>
        <source>%1 is the host. Everyone can play, pause and seek.</source>
        <translation>%1 es el anfitrión. Todos pueden reproducir, pausar y saltar.</translation>
    </message>
    <message>
        <source>Only people with an invite link can join.</source>
        <translation>Solo pueden unirse quienes tengan un enlace de invitación.</translation>
    </message>
    <message>
        <source>Make %1 the Host?</source>
        <translation>¿Hacer anfitrión a %1?</translation>
    </message>
    <message>
        <source>%1 will be able to hand the role on, resync everyone and invite people. You cannot take the role back unless %1 gives it to you.</source>
        <translation>%1 podrá ceder el papel, resincronizar a todos e invitar a gente. No podrás recuperar el papel a menos que %1 te lo devuelva.</translation>
    </message>
    <message>
        <source>Invite link copied.</source>
        <translation>Enlace de invitación copiado.</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <source>%n people are here; the list shows %1 of them.</source>
        <translation>
            <numerusform>Hay %n persona; la lista muestra %1.</numerusform>
            <numerusform>Hay %n personas; la lista muestra %1 de ellas.</numerusform>
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
        <translation>Estoy listo</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Playback starts when everyone is ready (%1 of %2 are).</source>
        <translation>La reproducción empieza cuando todos estén listos (%1 de %2 lo están).</translation>
    </message>
    <message>
        <source>The room plays at %1.</source>
        <translation>La sala reproduce a %1.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::RoomStatusLabels</name>
    <message>
        <source>What the sync engine is doing</source>
        <translation>Lo que está haciendo la sincronización</translation>
    </message>
    <message>
        <source>How far your player is from the room&apos;s timeline (ahead is positive)</source>
        <translation>Cuánto se aleja tu reproductor de la línea de tiempo de la sala (adelantado es positivo)</translation>
    </message>
    <message>
        <source>Round trip to the server</source>
        <translation>Ida y vuelta hasta el servidor</translation>
    </message>
    <message>
        <source>Difference between this computer&apos;s clock and the server&apos;s</source>
        <translation>Diferencia entre el reloj de este ordenador y el del servidor</translation>
    </message>
    <message>
        <source>Connection to the room</source>
        <translation>Conexión con la sala</translation>
    </message>
    <message>
        <source>The room&apos;s playback speed ([ and ] change it)</source>
        <translation>La velocidad de reproducción de la sala ([ y ] la cambian)</translation>
    </message>
    <message>
        <source>Your player runs this far ahead so that your late sound is in step with the room (Playback &gt; Audio Delay)</source>
        <translation>Tu reproductor va así de adelantado para que tu sonido tardío vaya al paso de la sala (Reproducción &gt; Retardo del sonido)</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::SubtitleSharingBinding</name>
    <message>
        <source>The host&apos;s subtitles cannot be fetched: it no longer shares them with this room.</source>
        <translation>No se pueden descargar los subtítulos del anfitrión: ya no los comparte con esta sala.</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>el anfitrión</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::TrackMenu</name>
    <message>
        <source>&amp;Audio Track</source>
        <translation>Pista de &amp;audio</translation>
    </message>
    <message>
        <source>&amp;Subtitles</source>
        <translation>&amp;Subtítulos</translation>
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
        <translation>%1 (forzados)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (predeterminada)</translation>
    </message>
    <message>
        <source>Load &amp;Subtitles…</source>
        <translation>Cargar &amp;subtítulos…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Subtitles &amp;Later (+%1 ms)</source>
        <translation>Subtítulos más &amp;tarde (+%1 ms)</translation>
    </message>
    <message>
        <source>Subtitles &amp;Earlier (−%1 ms)</source>
        <translation>Subtítulos más &amp;pronto (−%1 ms)</translation>
    </message>
    <message>
        <source>&amp;Reset Subtitle Delay</source>
        <translation>&amp;Restablecer retraso de subtítulos</translation>
    </message>
    <message>
        <source>Shift+G</source>
        <translation>Shift+G</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Pista %1</translation>
    </message>
    <message>
        <source>%1 (pictures, cannot be shown)</source>
        <translation>%1 (imágenes, no se pueden mostrar)</translation>
    </message>
    <message>
        <source>Subtitles stored as pictures (%1) cannot be shown; choose a text track or load a subtitle file.</source>
        <translation>Los subtítulos guardados como imágenes (%1) no se pueden mostrar; elige una pista de texto o carga un archivo de subtítulos.</translation>
    </message>
    <message>
        <source>Open a video first, then load %1 for it.</source>
        <translation>Abre primero un vídeo y luego carga %1 para él.</translation>
    </message>
    <message>
        <source>%1 is not a subtitle file Lockstep knows (.srt, .vtt, .ass or .ssa).</source>
        <translation>%1 no es un archivo de subtítulos que Lockstep conozca (.srt, .vtt, .ass o .ssa).</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 no existe o no es un archivo.</translation>
    </message>
    <message>
        <source>Cannot read the subtitle track %1: %2</source>
        <translation>No se puede leer la pista de subtítulos %1: %2</translation>
    </message>
    <message>
        <source>The subtitle track %1 holds no text to show.</source>
        <translation>La pista de subtítulos %1 no contiene texto que mostrar.</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>No se puede mostrar %1.</translation>
    </message>
    <message>
        <source>Subtitle delay: %1 ms</source>
        <translation>Retraso de subtítulos: %1 ms</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivados</translation>
    </message>
    <message>
        <source>Reading the file&apos;s tracks…</source>
        <translation>Leyendo las pistas del archivo…</translation>
    </message>
    <message>
        <source>Load Subtitles</source>
        <translation>Cargar subtítulos</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>Subtítulos (*.srt *.vtt *.ass *.ssa);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>De %1: %2</translation>
    </message>
    <message>
        <source>Shared by %1 with the film</source>
        <translation>Compartido por %1 con la película</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::Translations</name>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::TransportBar</name>
    <message>
        <source>Current position</source>
        <translation>Posición actual</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Waiting for enough of the media to play on</source>
        <translation>Esperando a que se cargue lo suficiente para seguir reproduciendo</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Volume: %1 %</source>
        <translation>Volumen: %1 %</translation>
    </message>
    <message>
        <source>Buffering</source>
        <translation>Cargando búfer</translation>
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
        <translation>Abre un archivo o únete a una sala</translation>
    </message>
    <message>
        <source>Drop a video here, or host a room and send the invite link to the people you want to watch with. Everyone plays their own copy, in step.</source>
        <translation>Arrastra un vídeo aquí, u hospeda una sala y envía el enlace de invitación a las personas con las que quieras verlo. Cada uno reproduce su propia copia, a la vez.</translation>
    </message>
</context>
<context>
    <name>lockstep::ui::WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Room Panel</source>
        <translation>Panel de la &amp;sala</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No hay archivos recientes</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vaciar menú</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>&amp;Velocidad</translation>
    </message>
</context>
</TS>
