# common
# Por qué se sugiere un escenario de práctica.
reason-missed-item = { $label } (pasado por alto { $missed } de { $shown })
reason-missed = muestra indicadores que usted pasó por alto antes: { $list }
reason-breached-item = { $label } ({ $times ->
    [one] 1 vez
   *[other] { $times } veces
})
reason-breached = pone a prueba principios que usted incumplió: { $list }
reason-unplayed = todavía no lo ha jugado
reason-general = trata temas que usted ha practicado poco
reason-and = ; y{" "}
reason-due = Muestra lo que toca repasar hoy: { $list }. { $rest }
# La barra de estado, en todas las pantallas.
status-text-size = Tamaño del texto
status-smaller = Texto más pequeño (Ctrl −)
status-larger = Texto más grande (Ctrl +)
status-high-contrast = Alto contraste (F2)
status-pictures = Imágenes
status-pictures-hint = Dibujar a las personas y los lugares; desactívelo en una computadora lenta
save-retry = Intentar guardar de nuevo
# Cerrar con respuestas sin guardar.
close-unsaved-heading = Hay respuestas que aún no se han guardado
close-unsaved-explain = Si cierra ahora, se perderán. Pida a su facilitador o facilitadora que elija otra carpeta de resultados, o inténtelo de nuevo.
close-keep-working = Seguir trabajando
close-lose = Cerrar y perderlas
# El envío de resultados al almacén de registros de aprendizaje (LRS).
sending-waiting = { $n ->
    [one] 1 sesión en espera de envío
   *[other] { $n } sesiones en espera de envío
}
sending-unauthorized = el LRS rechazó las credenciales: un facilitador o facilitadora debe revisarlas
sending-unreachable = no se puede conectar con el LRS; se volverá a intentar
sending-server = el LRS falló; se volverá a intentar
sending-refused = { $n ->
    [one] 1 declaración rechazada por el LRS (guardada aparte)
   *[other] { $n } declaraciones rechazadas por el LRS (guardadas aparte)
}
# Un lanzamiento por un sistema de gestión del aprendizaje (LMS) que no se puede usar; los resultados se guardan aquí.
launch-problem = No se puede usar el lanzamiento del LMS ({ $detail }); sus respuestas se guardan en este dispositivo.
launch-endpoint = su dirección del LRS no se puede usar: { $value }
launch-no-fetch = no da ninguna dirección para las credenciales
launch-fetch = su dirección para las credenciales no es una dirección web: { $value }
launch-actor = no nombra a la persona que aprende con una cuenta: { $value }
launch-participant = el nombre de cuenta «{ $value }» no puede ser un código de participante (letras, cifras, - y _)
launch-registration = su registro (registration) no es un UUID: { $value }
launch-activity = su actividad no es una dirección web: { $value }
launch-token = no dio credenciales: { $value }
launch-data = sus datos de lanzamiento (cmi5) no se pueden usar: { $value }
# Un lanzamiento por un LMS (cmi5): terminarlo se lo dice al LMS y vuelve a él.
lms-finish = Terminar y volver al curso
lms-finish-hint = Le dice a su curso (el LMS) que ha terminado de practicar, envía lo que queda y vuelve a él.
lms-finishing = Terminando: se envía a su curso lo que queda…
lms-finished = Terminado: su curso tiene sus resultados. Puede cerrar esta página.
# Avisos sobre el curso y las sesiones.
notice-scenario-gone = El escenario «{ $id }» ya no está disponible.
notice-resume-unreadable = No se puede continuar esta sesión: { $detail }
notice-resume-no-start = Este archivo de sesión no tiene línea de inicio; no se puede continuar.
notice-resume-newer-rules = Esta sesión se empezó con una versión más nueva del programa (reglas de puntuación, versión { $rules }); aquí no se puede continuar.
notice-resume-changed = No se puede continuar esta sesión: el escenario cambió desde entonces (paso { $step }: { $detail }).
notice-not-saved = Aún sin guardar ({ $lines ->
    [one] 1 línea de registro
   *[other] { $lines } líneas de registro
}): { $detail }. No se pierde nada: sus respuestas se conservan y se guardarán en cuanto la carpeta vuelva a funcionar. Avise a su facilitador o facilitadora.
notice-course-unloadable = No se pudieron cargar los escenarios: { $detail }
notice-course-loading = Cargando los escenarios…
notice-course-unfetched = No se pudieron descargar los escenarios del servidor: { $detail }
course-fetch-no-window = esta página no tiene ventana
course-fetch-status = { $url }: el servidor respondió { $status }
course-fetch-network = { $url }: { $detail }
course-fetch-index = { $url } no es una lista de los archivos del curso: { $detail }
notice-course-reloaded = Se recargaron los escenarios: { $playable } jugables, { $errors ->
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}.
notice-no-catalogue = No se pudo cargar el catálogo: no se puede jugar ningún escenario. Avise a su facilitador o facilitadora.
window-title = mpa-trainer: Protección y Asistencia a Migrantes
# Cuando la ventana no puede abrirse (se imprime en la consola).
start-failure-driver = mpa-trainer: ningún controlador gráfico pudo dibujar la ventana ({ $message }). { $advice }
start-failure-driver-windows = Actualice el controlador gráfico o pruebe otra forma de dibujar: ábralo desde una consola con WGPU_BACKEND=vulkan (o gl).
start-failure-driver-linux = Instale los controladores por software de Mesa (Debian/Ubuntu: sudo apt-get install mesa-vulkan-drivers libgl1-mesa-dri) e inténtelo de nuevo.
start-failure-display = mpa-trainer: no se puede abrir la pantalla ({ $message }). Compruebe que DISPLAY apunta a un escritorio en marcha, o inicie uno virtual con Xvfb.
start-failure-other = mpa-trainer: la ventana no pudo abrirse: { $message }
start-failure-no-display = mpa-trainer: no se encontró una pantalla (DISPLAY no está definida). Ábralo en un escritorio o, en una máquina sin pantalla, inicie una virtual: Xvfb :99 & DISPLAY=:99 mpa-trainer. Las herramientas de línea de órdenes funcionan en cualquier parte: mpa-trainer --help
# Las calificaciones de una opción.
grade-appropriate = Óptima
grade-acceptable = Aceptable
grade-suboptimal = Deficiente
grade-harmful = Perjudicial
