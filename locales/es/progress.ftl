# El progreso de cada participante.
progress-back = Volver
progress-top = Progreso: participante { $participant }
progress-heading = Mi progreso
progress-practise-next = Qué practicar a continuación
progress-practise = Practicar este escenario
progress-calibration = Su grado de confianza a lo largo del tiempo
progress-calibration-about = La puntuación de Brier de cada sesión en la que indicó su confianza en las decisiones: cuanto más baja, mejor; 0 es perfecta, y decir siempre 50 % da 0.25.
progress-calibration-session = { $date }: { $brier } en { $rated ->
    [one] 1 decisión con su confianza indicada
   *[other] { $rated } decisiones con su confianza indicada
}
progress-none = Todavía no ha terminado ningún escenario: aquí aparecerán sus puntuaciones.
progress-chart = Puntuaciones a lo largo del tiempo, por competencia
progress-chart-session = sesión
progress-column-date = Fecha
progress-column-scenario = Escenario
progress-column-overall = Total
progress-competency-indicators = Indicadores
progress-competency-decisions = Decisiones
progress-competency-referral = Derivación
progress-competency-classification = Clasificación
progress-overall-passed = { $score } aprobado
progress-revise = Indicadores para repasar (los que más pasó por alto)
progress-revise-item = { $label }: pasado por alto { $missed } de { $shown }
progress-revise-note = En los escenarios: { $note }
progress-assessment = Evaluación
progress-not-taken = todavía no realizada
progress-pre = Antes del curso (día 1): { $score }
progress-post = Después del curso (día 2): { $score }
progress-gain = Ganancia normalizada: { $gain }
# Lo que toca repasar hoy (también en la lista de escenarios).
progress-due = Para repasar hoy
progress-due-delayed = Toca la evaluación diferida: muestra lo que usted retuvo del curso.
progress-due-missed = Usted pasó por alto estos puntos antes; practique hoy un escenario que los muestre:
progress-due-indicator = Indicador: { $label }
progress-due-principle = Principio: { $label }
