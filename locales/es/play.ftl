# La pantalla de juego.
play-step = · paso { $step }
play-leave = Salir del escenario
    .hint = Deténgase aquí; puede continuarlo más tarde desde la pantalla de inicio

# Retroalimentación sobre el último paso (modo Práctica).
play-feedback = Retroalimentación sobre su último paso
play-feedback-referral = Derivación: { $points } de { $max ->
    [one] { $max } punto
   *[other] { $max } puntos
}
play-feedback-right = Correcto: { $answer }
play-feedback-not-quite = No exactamente: usted eligió { $chose }; la respuesta es { $answer }
play-feedback-not-ticked = Sin marcar: { $list }.

# Observaciones para marcar y nombrar.
play-notice = ¿Qué observa? Marque los indicios de trata de personas y lo que hace vulnerable a la persona
play-notice-keys = Espacio o F marca la línea que tiene el foco; también puede nombrar el indicador.
play-named = indicador: { $indicator }
play-rename = Cambiar el indicador…
play-name = Nombrar el indicador…
play-search = Buscar indicadores:
    .hint = p. ej. pasaporte, deuda, escolta
play-search-none = Ningún indicador coincide.
play-cancel = Cancelar

# Cuánta confianza tiene la persona en formación en una decisión.
play-confidence = ¿Cuánta confianza tiene?
play-confidence-first = Indique su nivel de confianza antes de responder.

# Opciones, derivación y clasificación.
play-choices = ¿Qué hace usted?
play-referral = Derivar: marque todos los servicios adecuados y luego envíe una sola vez
play-referral-tel = Tel. { $number }
play-referral-submit = Enviar derivación ({ $n ->
    [one] { $n } marcado
   *[other] { $n } marcados
})
play-referral-keys = Ctrl+Enter envía.
play-classify = ¿Cómo registra este caso?
play-classify-record = Registrar esta clasificación
play-classify-keys = Las teclas numéricas eligen; Ctrl+Enter registra.

# La imagen en palabras, para un lector de pantalla: una persona cuya expresión cambió.
play-looks-calm = { $name } ahora muestra calma.
play-looks-afraid = { $name } ahora muestra miedo.
play-looks-wary = { $name } ahora muestra desconfianza.
play-looks-sad = { $name } ahora muestra tristeza.
play-looks-relieved = { $name } ahora muestra alivio.
play-looks-angry = { $name } ahora muestra enojo.
