/*
 * A stand-in for Windows' bcryptprimitives.dll, for the tests only (never
 * shipped): Go 1.22 and later take their random numbers from its
 * ProcessPrng, which Wine 8 lacks ("fatal error: bcryptprimitives.dll not
 * found"). This one passes them on to RtlGenRandom (SystemFunction036 of
 * advapi32), which Wine has. wine_test.go builds it with mingw-w64 into
 * the test's own Wine prefix.
 */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T n) {
	while (n > 0) {
		ULONG chunk = n > 0x40000000 ? 0x40000000 : (ULONG)n;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		n -= chunk;
	}
	return TRUE;
}
