# La pantalla de facilitación: la frase de acceso, los resultados del grupo, la configuración del LRS.

## La frase de acceso
facilitator-heading = Facilitación
facilitator-set-intro = Establezca una frase de acceso para la facilitación (al menos 8 caracteres). En esta computadora solo se guarda un hash con sal de la frase, de modo que las personas participantes no puedan abrir los resultados del grupo.
facilitator-passphrase = Frase de acceso:
facilitator-passphrase-again = Repita la frase de acceso:
facilitator-set-passphrase = Establecer la frase de acceso
facilitator-enter-passphrase = Escriba la frase de acceso de facilitación:
facilitator-open = Abrir
facilitator-back = Volver
facilitator-not-set = No se estableció: { $error }.
facilitator-wrong-passphrase = Esa no es la frase de acceso.
facilitator-access-too-short = la frase de acceso debe tener al menos { $n } caracteres
facilitator-access-mismatch = las dos frases de acceso no coinciden
facilitator-access-already-set = ya hay una frase de acceso establecida
facilitator-access-write = no se puede escribir el archivo de la frase de acceso { $path }: { $detail }
facilitator-access-damaged = el archivo de la frase de acceso { $path } está dañado; bórrelo para establecer una nueva frase de acceso
facilitator-access-hash = no se pudo calcular el hash de la frase de acceso: { $detail }

## La barra superior
facilitator-back-to-cohort = Volver al grupo
facilitator-lock = Bloquear y volver
facilitator-refresh = Actualizar
facilitator-export-csv = Exportar CSV
    .hint = Una fila por sesión, para hojas de cálculo
facilitator-export-xapi = Exportar xAPI
    .hint = Declaraciones para un LRS (almacén de registros de aprendizaje)

## Lo que hizo una acción
facilitator-lrs-not-set = Configure primero el LRS.
facilitator-cannot-read = No se pueden leer los resultados: { $detail }.
facilitator-read-folder = { $n ->
    [one] 1 sesión leída
   *[other] { $n } sesiones leídas
} desde la carpeta de esta computadora.
facilitator-read-lrs = { $n ->
    [one] 1 sesión leída
   *[other] { $n } sesiones leídas
} desde el LRS.
facilitator-lrs-unreadable = No se pudo leer el LRS: { $error }.
facilitator-reading-stopped = No se pudo leer el LRS: el LRS dio una respuesta que no es xAPI: la lectura se detuvo inesperadamente.
facilitator-exported = Exportado a { $path }
facilitator-export-failed = La exportación falló: { $error }
facilitator-export-no-folder = no se puede crear { $path }: { $detail }
facilitator-export-no-file = no se puede escribir { $path }: { $detail }
facilitator-export-not-written = no se pudo escribir la exportación: { $detail }
facilitator-now-saved-in = Ahora las sesiones se guardan en { $dir }
facilitator-session-from-lrs = Esta sesión se leyó desde el LRS: su repaso final paso a paso está en la computadora que la registró.
facilitator-cannot-show = No se puede mostrar esa sesión: { $error }.
facilitator-show-unreadable = no se puede leer el archivo de la sesión: { $detail }
facilitator-show-no-start = el archivo de la sesión no tiene línea de inicio
facilitator-show-no-scenario = el escenario «{ $scenario }» ya no está en la biblioteca
facilitator-show-unknown-rules = la sesión se puntuó con la versión { $version } de las reglas, que esta versión del programa no conoce
facilitator-show-changed = el escenario cambió desde esta sesión (paso { $step }: { $detail })

## La carpeta de resultados y el plan
facilitator-results = Los resultados del grupo
facilitator-folder-and-plan = Carpeta de resultados y plan
facilitator-saved-in = Las sesiones se guardan en { $dir }
facilitator-folder-hint = otra carpeta
facilitator-save-here = Guardar aquí de ahora en adelante
facilitator-plan = Plan de hoy:
facilitator-plan-none = ninguno (todos los escenarios)
facilitator-note = Nota: { $note }

## El almacén de registros de aprendizaje
facilitator-lrs = Almacén de registros de aprendizaje (LRS, xAPI)
facilitator-lrs-intro = Cada computadora portátil puede enviar sus sesiones a un mismo LRS (almacén de registros de aprendizaje), para que los resultados de todo el grupo puedan leerse en un solo lugar. Deje la dirección vacía para conservar los resultados solo en esta computadora.
facilitator-lrs-endpoint = Punto de acceso (endpoint)
facilitator-lrs-key = Clave
facilitator-lrs-secret = Secreto
facilitator-lrs-home = La dirección de su organización
facilitator-lrs-insecure = Aceptar una dirección http:// simple en otra máquina (el secreto viajará entonces sin cifrar)
facilitator-lrs-save = Guardar la configuración del LRS
facilitator-read-from = Leer los resultados del grupo desde:
facilitator-source-folder = la carpeta de esta computadora
facilitator-source-lrs = el LRS
facilitator-reading = Leyendo…
facilitator-not-saved = No se guardó: { $error }.
facilitator-lrs-needs-key = el LRS necesita una clave y un secreto
facilitator-no-config-folder = esta computadora no tiene carpeta de configuración
facilitator-settings-damaged = el archivo de configuración está dañado: { $detail }
facilitator-lrs-saved-sending = Guardado: a partir de ahora los resultados se envían al LRS.
facilitator-lrs-saved-local = Guardado: los resultados se quedan en esta computadora.
facilitator-lrs-unreachable = no se puede conectar con el LRS: { $detail }
facilitator-lrs-unauthorized = el LRS rechazó las credenciales (HTTP { $code })
facilitator-lrs-conflict = el LRS ya tiene una declaración distinta con el mismo identificador (HTTP 409): { $detail }
facilitator-lrs-refused = el LRS rechazó las declaraciones (HTTP { $code }): { $detail }
facilitator-lrs-server = el LRS falló (HTTP { $code }): { $detail }
facilitator-lrs-bad-answer = el LRS dio una respuesta que no es xAPI: { $detail }
facilitator-endpoint-not-an-address = no es una dirección: { $address }
facilitator-endpoint-scheme = la dirección debe empezar por https:// (o http:// para esta máquina): { $address }
facilitator-endpoint-insecure = una dirección http:// simple envía el secreto sin cifrar; solo se permite para esta máquina (localhost, 127.0.0.1), salvo que se acepte expresamente: { $address }

## La tabla de sesiones
facilitator-sessions = Sesiones
facilitator-filter-scenario = Escenario:
facilitator-filter-all = todos
facilitator-filter-mode = Modo:
facilitator-mode-workshop = taller
facilitator-mode-practice = práctica
facilitator-filter-from = Desde:
facilitator-filter-to = hasta:
facilitator-date-hint = AAAA-MM-DD
facilitator-sessions-shown = { $shown } de { $total ->
    [one] 1 sesión
   *[other] { $total } sesiones
}
facilitator-col-participant = Participante
facilitator-col-scenario = Escenario
facilitator-col-mode = Modo
facilitator-col-started = Inicio (UTC)
facilitator-col-score = Puntuación
facilitator-col-result = Resultado
facilitator-col-critical = Errores críticos
facilitator-col-false-alarms = Falsas alarmas
facilitator-col-factors = Factores anotados
facilitator-col-minutes = Minutos
facilitator-open-session = Abrir el repaso final de esta sesión
facilitator-result-unfinished = sin terminar
facilitator-result-passed = aprobado
facilitator-result-not-passed = no aprobado
facilitator-false-alarms-hint = Detalles corrientes marcados como indicadores, de los que se mostraron
facilitator-factors-noted = { $noted } de { $shown }

## Indicadores y factores de vulnerabilidad
facilitator-indicators = Qué indicadores detecta el grupo (los menos detectados primero)
facilitator-indicators-axis = detectado, % de las veces que se mostró
facilitator-indicators-chart = tasa de detección
facilitator-rate-bar = { $label } ({ $n ->
    [one] mostrado 1 vez
   *[other] mostrado { $n } veces
})
facilitator-rate-line = { $rate } %  { $label } ({ $n ->
    [one] mostrado 1 vez
   *[other] mostrado { $n } veces
})
facilitator-factors = Qué factores de vulnerabilidad anota el grupo (los menos anotados primero)

## Decisiones y principios
facilitator-decisions = Opciones elegidas en cada punto de decisión
facilitator-decisions-axis = opción (en el orden de la lista de abajo)
facilitator-decisions-times = veces elegida
facilitator-decisions-chart = opciones
facilitator-choice-bar = { $text } [{ $grade }]
facilitator-choice-line = { $number }. [{ $grade }] { $times }×  { $text }
facilitator-breaches = Principios más vulnerados
facilitator-breaches-axis = principio (en el orden de la lista de abajo)
facilitator-breaches-chart = principios vulnerados

## Ganancias en la evaluación
facilitator-gains = Evaluación: ganancia normalizada g = (final − inicial) / (1 − inicial)
facilitator-gains-col-participant = Participante
facilitator-gains-col-pre = Inicial
facilitator-gains-col-post = Final
facilitator-gains-col-gain = Ganancia g
facilitator-gains-col-delayed = Diferida
facilitator-gains-col-lasting = g duradera
facilitator-mean-gain = Ganancia media del grupo: { $gain }
facilitator-mean-gain-none = Ganancia media del grupo: aún no (requiere la evaluación inicial y la final)
facilitator-mean-lasting-gain = Ganancia media duradera del grupo (la evaluación diferida): { $gain }

## Confianza
facilitator-calibration = Qué tan seguro estaba el grupo
facilitator-calibration-level = Con { $sure } % de confianza: { $right } aciertos de { $rated } veces ({ $rate })
facilitator-calibration-brier = Puntuación de Brier { $brier } en { $rated ->
    [one] 1 decisión con confianza indicada
   *[other] { $rated } decisiones con confianza indicada
} (0 es perfecto; decir siempre 50 % da 0.25)

## Repasos
facilitator-overdue = Repasos pendientes
facilitator-overdue-topics = { $participant }: { $topics ->
    [one] 1 tema pendiente
   *[other] { $topics } temas pendientes
} de repaso
facilitator-overdue-both = { $participant }: { $topics ->
    [one] 1 tema pendiente
   *[other] { $topics } temas pendientes
} de repaso; la evaluación diferida está pendiente
facilitator-overdue-delayed = { $participant }: la evaluación diferida está pendiente

## Análisis de ítems
facilitator-items = Ítems: qué decisiones distinguen a participantes con buen y con bajo desempeño
facilitator-items-few = Las cifras marcadas con * provienen de menos de { $n } sesiones: interprételas con cautela.
facilitator-items-reliability = { $form }: fiabilidad KR-20 de { $kr20 } en { $items ->
    [one] 1 ítem
   *[other] { $items } ítems
} y { $sessions ->
    [one] 1 sesión
   *[other] { $sessions } sesiones
}{ $mark }
facilitator-items-col-item = Ítem
facilitator-items-col-scenario = Escenario
facilitator-items-col-sessions = Sesiones
facilitator-items-col-right = Aciertos
facilitator-items-col-point-biserial = r pb
facilitator-items-col-upper-lower = Superior − inferior
facilitator-items-col-note = Nota
facilitator-item-decision = decisión { $id }
facilitator-item-indicator = indicador { $id }
facilitator-item-classification = clasificación { $id }
facilitator-items-mis-graded = quienes tienen mejor desempeño prefieren la opción { $choice }: revise su calificación
facilitator-filter-language = Idioma:
facilitator-col-language = Idioma
facilitator-filter-any-language = cualquier idioma
