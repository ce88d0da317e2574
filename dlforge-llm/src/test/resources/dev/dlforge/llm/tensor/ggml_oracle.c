/*
 * The test oracle: calls ggml's own reference code inside the llama.cpp library that de.kherud:llama bundles
 * (libjllama.so exports ggml's C symbols), so our Java codecs are compared with llama.cpp's bytes, not with our reading
 * of its source. Built by the tests with the system's C compiler; see GgmlOracle.java.
 *
 *   ggml_oracle LIB quantise TYPE IN.f32 OUT.bin      quantize_row_<type>_ref (f16/bf16: ggml's row converters)
 *   ggml_oracle LIB dequantise TYPE IN.bin N OUT.f32  dequantize_row_<type> (f16/bf16: ggml's row converters)
 *   ggml_oracle LIB gguf FILE                         gguf_init_from_file: prints "ok N_TENSORS N_KV", "rejected" or
 *                                                     "tensor I past the end" (its data is not all in the file)
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*row_fn)(const void *, void *, int64_t);
struct gguf_init_params { int no_alloc; void ** ctx; };
typedef void * (*gguf_init_fn)(const char *, struct gguf_init_params);
struct ggml_init_params { size_t mem_size; void * mem_buffer; _Bool no_alloc; };

static void * lib;

static void * sym(const char * name) {
    void * f = dlsym(lib, name);
    if (!f) { fprintf(stderr, "no symbol %s\n", name); exit(3); }
    return f;
}

static void * slurp(const char * path, long * size) {
    FILE * f = fopen(path, "rb");
    if (!f) { perror(path); exit(4); }
    fseek(f, 0, SEEK_END); *size = ftell(f); fseek(f, 0, SEEK_SET);
    void * buf = malloc(*size + 1);
    if (fread(buf, 1, *size, f) != (size_t) *size) { perror(path); exit(4); }
    fclose(f);
    return buf;
}

static void spill(const char * path, const void * buf, long size) {
    FILE * f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, size, f) != (size_t) size) { perror(path); exit(4); }
    fclose(f);
}

static void copy_f32(const void * x, void * y, int64_t n) { memcpy(y, x, n * 4); }

static const char * quantiser(const char * type, char * name) {
    if (!strcmp(type, "f16")) return "ggml_fp32_to_fp16_row";
    if (!strcmp(type, "bf16")) return "ggml_fp32_to_bf16_row_ref";
    sprintf(name, "quantize_row_%s_ref", type);
    return name;
}

static const char * dequantiser(const char * type, char * name) {
    if (!strcmp(type, "f16")) return "ggml_fp16_to_fp32_row";
    if (!strcmp(type, "bf16")) return "ggml_bf16_to_fp32_row";
    sprintf(name, "dequantize_row_%s", type);
    return name;
}

int main(int argc, char ** argv) {
    if (argc < 4) { fprintf(stderr, "usage: ggml_oracle LIB quantise|dequantise|gguf ...\n"); return 2; }
    lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 3; }
    char name[64];
    /* ggml_init fills the f16 -> f32 table that GGML_FP16_TO_FP32 reads in this llama.cpp; llama.cpp always calls it */
    struct ggml_init_params ip = { 1024, NULL, 1 };
    void * ctx = ((void * (*)(struct ggml_init_params)) sym("ggml_init"))(ip);
    ((void (*)(void *)) sym("ggml_free"))(ctx);
    if (!strcmp(argv[2], "quantise") && argc == 6) {
        long size;
        float * x = slurp(argv[4], &size);
        int64_t n = size / 4;
        void * y = calloc(n * 4 + 256, 1);
        row_fn f = !strcmp(argv[3], "f32") ? copy_f32 : (row_fn) sym(quantiser(argv[3], name));
        f(x, y, n);
        size_t (*row_size)(int, int64_t) = (size_t (*)(int, int64_t)) sym("ggml_row_size");
        int id = atoi(getenv("GGML_TYPE_ID"));
        spill(argv[5], y, (long) row_size(id, n));
        return 0;
    }
    if (!strcmp(argv[2], "dequantise") && argc == 7) {
        long size;
        void * x = slurp(argv[4], &size);
        int64_t n = atol(argv[5]);
        float * y = calloc(n, 4);
        row_fn f = !strcmp(argv[3], "f32") ? copy_f32 : (row_fn) sym(dequantiser(argv[3], name));
        f(x, y, n);
        spill(argv[6], y, n * 4);
        return 0;
    }
    if (!strcmp(argv[2], "gguf") && argc == 4) {
        struct gguf_init_params p = { 1, NULL };
        ctx = ((gguf_init_fn) sym("gguf_init_from_file"))(argv[3], p);
        if (!ctx) { printf("rejected\n"); return 0; }
        int64_t nt = ((int64_t (*)(void *)) sym("gguf_get_n_tensors"))(ctx);
        int64_t nkv = ((int64_t (*)(void *)) sym("gguf_get_n_kv"))(ctx);
        /* with no_alloc the reader leaves the data unread: check here, as llama.cpp's model loader does, that it is all there */
        size_t data = ((size_t (*)(void *)) sym("gguf_get_data_offset"))(ctx);
        long size;
        free(slurp(argv[3], &size));
        for (int64_t i = 0; i < nt; i++) {
            size_t off = ((size_t (*)(void *, int64_t)) sym("gguf_get_tensor_offset"))(ctx, i);
            size_t bytes = ((size_t (*)(void *, int64_t)) sym("gguf_get_tensor_size"))(ctx, i);
            if (data + off + bytes > (size_t) size) { printf("tensor %lld past the end\n", (long long) i); return 0; }
        }
        printf("ok %lld %lld\n", (long long) nt, (long long) nkv);
        ((void (*)(void *)) sym("gguf_free"))(ctx);
        return 0;
    }
    fprintf(stderr, "bad arguments\n");
    return 2;
}
