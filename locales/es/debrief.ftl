# El repaso final después de un escenario, y su mapa del recorrido.

## Botones y encabezado
debrief-play-again = Repetir el escenario
debrief-next = Siguiente escenario
debrief-all-scenarios = Todos los escenarios
debrief-heading = Repaso final: { $title }
debrief-participant-workshop = Participante { $code } · modo taller
debrief-participant-practice = Participante { $code } · modo práctica

## El resultado y por qué
debrief-passed = Aprobado: { $score } (nota mínima { $mark })
debrief-not-passed = No aprobado: { $score } (nota mínima { $mark })
debrief-reason-unfinished = El escenario no se terminó: no se llegó a ningún desenlace.
debrief-reason-critical = { $n ->
    [one] { $n } error crítico
   *[other] { $n } errores críticos
}: cualquier error crítico basta para no aprobar el escenario.
debrief-reason-below = La puntuación global, { $score }, está por debajo de la nota mínima de { $mark }.
debrief-withheld = Esta fue la evaluación inicial del curso. Sus respuestas correctas y su retroalimentación se mostrarán cuando usted haya hecho la evaluación final del curso, para que esta mida lo que aprendió.

## El desenlace
debrief-ending = Desenlace: { $title }
debrief-outcome-protected = Protegida
debrief-outcome-partly-protected = Parcialmente protegida
debrief-outcome-not-protected = Sin protección
debrief-outcome-harmed = Sufrió daño

## Calificaciones de una decisión

## El mapa del recorrido
debrief-map = Su recorrido en el mapa
debrief-map-click = Haga clic en un paso de su recorrido para ver su retroalimentación.
debrief-map-step = Paso { $n }: { $label }
debrief-map-step-graded = Paso { $n }: { $label } ({ $grade })
debrief-map-best = Franja clara: el mejor recorrido.
debrief-map-path = Su recorrido tiene el color de la calificación de cada decisión; haga clic en una para ver su retroalimentación.

## La puntuación por competencia
debrief-competencies = Su puntuación por competencia
debrief-not-in-session = no aparece en esta sesión
debrief-competency-indicators = Reconocimiento de indicadores
debrief-competency-decisions = Decisiones
debrief-competency-referral = Derivación
debrief-competency-classification = Clasificación
debrief-detail-indicators-v1 = { $hits } encontrados, { $misses } pasados por alto, { $false_alarms ->
    [one] { $false_alarms } falsa alarma
   *[other] { $false_alarms } falsas alarmas
}; exhaustividad { $recall }, precisión { $precision }, sensibilidad d′ { $dprime } (puntuado como F1, con la primera versión de las reglas)
debrief-detail-indicators-v2 = { $hits } encontrados, { $misses } pasados por alto; { $false_alarms } de { $red_herrings ->
    [one] { $red_herrings } detalle corriente marcado
   *[other] { $red_herrings } detalles corrientes marcados
}. Indicadores encontrados (según su fuerza) { $recall } menos falsas alarmas { $far }; precisión { $precision }, sensibilidad d′ { $dprime }
debrief-detail-decisions = { $points } de los { $best } puntos de las mejores opciones, en { $taken ->
    [one] { $taken } decisión calificada
   *[other] { $taken } decisiones calificadas
}
debrief-detail-referral = { $points } de { $max } puntos ({ $services })
debrief-detail-referral-none = { $points } de { $max } puntos (no marcó ningún servicio)
debrief-detail-classification-right = { $answer } (correcto)
debrief-detail-classification-wrong = { $answer } (incorrecto)

## Errores críticos y principios vulnerados
debrief-critical = Errores críticos (cada uno basta para no aprobar el escenario)
debrief-breaches = Principios vulnerados
debrief-at = Dónde: { $scene }
debrief-at-ending = el desenlace
debrief-at-referral = Derivación
debrief-at-classification = Clasificación
debrief-critical-choice = Tomó una opción crítica: "{ $text }"
debrief-critical-choice-numbered = Tomó una opción crítica: "opción { $n }"
debrief-critical-harmful-service = Derivó a un servicio perjudicial: { $service }
debrief-critical-no-consent = Derivó a la persona sin su consentimiento informado
debrief-critical-ended-in-harm = El encuentro terminó causando daño: { $ending }
debrief-critical-left-unprotected = La persona quedó sin protección: { $ending }
debrief-critical-unrecorded = Un error crítico

## El recorrido, paso a paso
debrief-steps = Su recorrido, paso a paso
debrief-best-path = El mejor recorrido:
debrief-did-refer-none = No derivó a ningún servicio
debrief-did-refer = Derivó a { $services }
debrief-did-record = Lo registró como { $answer }
debrief-better-refer = Derivar a { $services }
debrief-better-record = Registrarlo como { $answer }

## Indicadores
debrief-found = Indicadores que encontró
debrief-missed = Indicadores que pasó por alto
debrief-false-alarms = Falsas alarmas: marcadas, pero no son indicadores
debrief-indicator = Indicador: { $indicator }
debrief-named = Lo identificó como: { $named }
debrief-named-right = Lo identificó como: { $named } (correcto)

## Confianza
debrief-confidence = Su nivel de confianza
debrief-confident-errors = Respondió con seguridad y se equivocó { $n ->
    [one] { $n } vez
   *[other] { $n } veces
}: son las primeras que conviene revisar.
debrief-judgement-right = { $percent } % de confianza, acertó: { $did }
debrief-judgement-wrong = { $percent } % de confianza, se equivocó: { $did }
debrief-calibration = Cuando indicó { $percent } %, acertó en { $right } de { $rated ->
    [one] { $rated } ocasión
   *[other] { $rated } ocasiones
}.
debrief-brier = Puntuación de Brier { $brier } (0 es perfecto; responder siempre 50 % da 0.25).

## Factores de vulnerabilidad
debrief-factors = Factores de vulnerabilidad: señaló { $noted } de { $total }
debrief-factors-intro = Circunstancias que hacen a una persona más o menos vulnerable. No son señales de trata de personas: señalarlas no suma ni resta puntos, pero determinan la ayuda que la persona necesita.
debrief-factors-risk = { $level }: factores de riesgo
debrief-factors-protective = { $level }: factores de protección
debrief-level-individual = Individual
debrief-level-household = Hogar y familia
debrief-level-community = Comunidad
debrief-level-structural = Estructural
debrief-factor-noted = Señalado — { $factor }: { $text }
debrief-factor-not-noted = No señalado — { $factor }: { $text }

## Lo que nunca se escuchó
debrief-unheard = Lo que nunca llegó a escuchar
debrief-unheard-intro = La persona le habría contado esto en una entrevista más segura: separada de quien pueda controlarla, con un intérprete independiente o a su propio ritmo.
debrief-lost-when = Se perdió cuando eligió: { $step }
