/* For the test under wine only, never shipped. Windows 10 and later have bcryptprimitives.dll,
 * from which the Rust standard library takes its random numbers (ProcessPrng); wine 8, Debian
 * 12's, does not. This stand-in gives them from RtlGenRandom (advapi32's SystemFunction036).
 * tests/packages/check.sh builds it with mingw-w64 into the test's wine prefix. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!RtlGenRandom(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
