;; SiLU, y = x / (1 + exp(-x)), over float32 values in the tfjs wasm backend's own memory: one pass that
;; reads x once and writes y once, four values per step (wasm SIMD). tfjs has no fused SiLU; it ran as a
;; Sigmoid and a Multiply kernel, two passes and a map in between.
;;
;; scripts/build-wasm-kernels.js assembles this file (wabt) into silu.binaries.ts, in four variants:
;; MEMORY becomes the import of a shared (threaded tfjs build) or an ordinary memory, and MADD a b c
;; (a·b + c) becomes f32x4.relaxed_madd (one fused multiply-add where the browser has relaxed SIMD) or
;; an f32x4.mul then f32x4.add.
;;
;; exp(t), t = -x clamped to [-87.3, 88] (beyond it y is x, or a numerator clamped to -88 makes it
;; -5e-37, as close to 0 as float32 needs; NaN stays NaN): t = k·ln2 + r with
;; k = round(t·log2e), |r| ≤ ln2/2; 2^k is built in the exponent bits (the "magic number" 1.5·2^23 + 127
;; rounds t·log2e to an integer and holds k + 127 in its low bits); exp(r) is a degree-5 polynomial,
;; least-squares on Chebyshev nodes, relative error 1.3e-7 (about 1 ulp).
(module
  MEMORY
  ;; y[i] = silu(x[i]) for i < n; n a multiple of 4; x and y byte offsets into memory.
  (func (export "silu") (param $x i32) (param $y i32) (param $n i32)
    (local $end i32) (local $v v128) (local $t v128) (local $k v128) (local $r v128) (local $s v128)
    (local $hi v128) (local $lo v128) (local $log2e v128) (local $magic v128) (local $ln2hi v128)
    (local $ln2lo v128) (local $c5 v128) (local $c4 v128) (local $c3 v128) (local $c2 v128) (local $one v128)
    (local $floor v128)
    (local.set $hi (f32x4.splat (f32.const 88.0)))
    (local.set $floor (f32x4.splat (f32.const -88.0)))
    (local.set $lo (f32x4.splat (f32.const -87.3)))
    (local.set $log2e (f32x4.splat (f32.const 0x1.715476p+0)))
    (local.set $magic (f32x4.splat (f32.const 12583039.0)))
    ;; ln2 in two parts (Cody–Waite): k·ln2hi is exact for |k| ≤ 127.
    (local.set $ln2hi (f32x4.splat (f32.const 0x1.62e4p-1)))
    (local.set $ln2lo (f32x4.splat (f32.const 0x1.7f7d1cp-20)))
    (local.set $c5 (f32x4.splat (f32.const 0x1.123d88p-7)))
    (local.set $c4 (f32x4.splat (f32.const 0x1.57405p-5)))
    (local.set $c3 (f32x4.splat (f32.const 0x1.55548cp-3)))
    (local.set $c2 (f32x4.splat (f32.const 0x1.fffdb2p-2)))
    (local.set $one (f32x4.splat (f32.const 1.0)))
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
      (loop $next
        (local.set $v (v128.load (local.get $x)))
        (local.set $t (f32x4.pmin (local.get $hi) (f32x4.pmax (local.get $lo) (f32x4.neg (local.get $v)))))
        (local.set $k (MADD (local.get $t) (local.get $log2e) (local.get $magic)))
        (local.set $s (i32x4.shl (local.get $k) (i32.const 23)))
        (local.set $k (f32x4.sub (local.get $k) (local.get $magic)))
        (local.set $r (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $ln2hi))))
        (local.set $r (f32x4.sub (local.get $r) (f32x4.mul (local.get $k) (local.get $ln2lo))))
        (local.set $t (MADD (local.get $r) (local.get $c5) (local.get $c4)))
        (local.set $t (MADD (local.get $r) (local.get $t) (local.get $c3)))
        (local.set $t (MADD (local.get $r) (local.get $t) (local.get $c2)))
        (local.set $t (MADD (local.get $r) (local.get $t) (local.get $one)))
        (local.set $t (MADD (local.get $r) (local.get $t) (local.get $one)))
        (v128.store (local.get $y)
          (f32x4.div (f32x4.pmax (local.get $v) (local.get $floor)) (MADD (local.get $t) (local.get $s) (local.get $one))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $x) (local.get $end))))))
)
