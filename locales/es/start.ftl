# La pantalla de inicio.
start-language = Idioma:
start-heading = Protección y Asistencia a Migrantes: escenarios de práctica
start-purpose = Reconozca a una persona migrante vulnerable o a una víctima de trata, derívela a los servicios adecuados y hágalo de forma segura: en privado, con su consentimiento y con confidencialidad.
start-plan = Plan de hoy: { $plan }
start-who = ¿Quién se entrena?
start-code = Su código de participante (se lo da su facilitador o facilitadora; no hace falta su nombre):
start-code-hint = p. ej. T07
start-mode = Modo:
start-mode-workshop = Taller: la retroalimentación llega en el repaso final
start-mode-practice = Práctica: retroalimentación después de cada paso
start-begin = Empezar
start-code-invalid = Un código de participante tiene de 1 a 32 letras, cifras, - o _ (sin espacios): por ejemplo T07.
start-code-first = Escriba primero su código de participante.
start-interrupted = Sesiones interrumpidas: continúe donde lo dejó
start-interrupted-session = { $title } · empezada el { $started } · { $steps ->
    [one] 1 paso
   *[other] { $steps } pasos
}
start-resume = Continuar
start-progress = Mi progreso
start-facilitator = Facilitación
start-facilitator-hint = Resultados del grupo (frase de acceso)
start-results-in = Los resultados se guardan en { $dir }
start-results-in-browser = Sus respuestas se guardan en este navegador y se envían a su curso si está preparado para recibirlas.
start-keys = Ctrl + y Ctrl − cambian el tamaño del texto; F2 activa o desactiva el alto contraste.
