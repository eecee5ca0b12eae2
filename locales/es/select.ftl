# Elegir un escenario.
select-back = Volver
select-top = Participante { $participant } · { $mode }
select-mode-workshop = Modo taller
select-mode-practice = Modo práctica
select-heading = Elija un escenario
select-plan = Plan de hoy: { $plan }
select-suggested = Escenario sugerido
select-play-suggestion = Jugar el escenario sugerido
select-none = No se puede jugar ningún escenario. Pida a su facilitador o facilitadora que revise los archivos de escenarios.
select-minutes = unos { $minutes } min
select-best-passed = su mejor resultado: { $score } (aprobado)
select-best-not-passed = su mejor resultado: { $score } (no aprobado)
select-not-played = todavía no lo ha jugado
select-broken = Escenarios que no se pueden jugar (errores en sus archivos)
select-broken-unknown = no se puede jugar
