#pragma once

#include <QByteArray>

// A local vLLM server's provider definition, as "provider export" writes it.
QByteArray vllmDefinition();
