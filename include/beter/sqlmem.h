/* sqlmem.h - the memory allocator beter gives SQLite. */
#ifndef BETER_SQLMEM_H
#define BETER_SQLMEM_H

#include <sqlite3.h>

/*
 * SQLite as Debian builds it has no lookaside allocator (SQLITE_OMIT_LOOKASIDE):
 * every token, expression and column it builds while it reads the schema and
 * prepares a statement is one malloc and one free, several thousand each time
 * a command opens the store. This allocator keeps freed blocks of up to
 * SQLMEM_SMALL bytes on a list per size (in steps of 16 bytes) and hands them
 * out again; larger blocks go to malloc. Memory freed by SQLite is reused, so a
 * long import or export stays as flat as with malloc.
 *
 * Not thread-safe: beter runs one thread and configures SQLite single-threaded
 * (store_open does both). Under AddressSanitizer free blocks are poisoned, so a
 * use after free inside SQLite is still caught.
 */
#define SQLMEM_SMALL 1024

/* The methods for sqlite3_config(SQLITE_CONFIG_MALLOC, ...). */
const sqlite3_mem_methods *sqlmem_methods(void);

#endif
