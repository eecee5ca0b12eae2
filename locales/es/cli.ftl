# La línea de órdenes.
cli-validate-summary = revisado { $files ->
    [one] 1 archivo de escenario
   *[other] { $files } archivos de escenario
}, { $translations ->
    [one] 1 traducción
   *[other] { $translations } traducciones
} y el catálogo: { $errors ->
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}
# report: el resumen del grupo.
cli-report-head = { $sessions ->
    [one] 1 sesión
   *[other] { $sessions } sesiones
} de { $participants ->
    [one] 1 participante
   *[other] { $participants } participantes
}: { $complete ->
    [one] 1 completa
   *[other] { $complete } completas
}, { $passed ->
    [one] 1 aprobada
   *[other] { $passed } aprobadas
}
cli-report-languages = Idiomas jugados: { $list }
cli-report-by-scenario = Por escenario:
cli-report-scenario-line = { $sessions } sesiones  { $complete } completas  { $passed } aprobadas  media { $mean }  falsas alarmas { $alarms }  { $critical } errores críticos
cli-report-of = de { $n }
cli-report-missed = Indicadores que el grupo más pasa por alto (tasa de detección):
cli-report-factors = Factores de vulnerabilidad que el grupo menos advierte:
cli-report-breaches = Principios más incumplidos:
cli-report-gains = Evaluación (ganancia normalizada g = (final − inicial) / (1 − inicial); la ganancia duradera, igual con el formulario diferido):
cli-report-gain-line = inicial { $pre }  final { $post }  diferido { $delayed }  g { $gain }  g duradera { $lasting }
cli-report-mean-gain = ganancia media del grupo: { $gain }
cli-report-mean-lasting-gain = ganancia duradera media del grupo: { $gain }
