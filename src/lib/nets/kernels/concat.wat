;; Channel concatenation of two NHWC float32 maps in the tfjs wasm backend's own memory: for every pixel,
;; a's channels then b's, copied 16 bytes at a time (wasm SIMD), the rest 4 bytes at a time. concat_add
;; adds a third map of the joined width on the way (a GhostNet bottleneck's residual), so that the sum
;; needs no pass of its own. GhostNet's
;; runs are 8 to 480 floats over up to 12,544 pixels; the same copy in JavaScript (channel-concat.ts,
;; the fallback without wasm SIMD) took 4-5 times as long.
;;
;; scripts/build-wasm-kernels.js assembles this file into concat.binaries.ts: MEMORY becomes the import
;; of a shared (threaded tfjs build) or an ordinary memory.
(module
  MEMORY
  ;; a, b, out: byte offsets; aBytes and bBytes: each pixel's run in bytes, multiples of 4.
  (func (export "concat") (param $a i32) (param $b i32) (param $out i32) (param $pixels i32)
    (param $aBytes i32) (param $bBytes i32)
    (local $end i32)
    (block $done
      (br_if $done (i32.eqz (local.get $pixels)))
      (loop $pixel
        (local.set $end (i32.add (local.get $a) (local.get $aBytes)))
        (block $a16done (loop $a16
          (br_if $a16done (i32.gt_u (i32.add (local.get $a) (i32.const 16)) (local.get $end)))
          (v128.store (local.get $out) (v128.load (local.get $a)))
          (local.set $a (i32.add (local.get $a) (i32.const 16)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br $a16)))
        (block $a4done (loop $a4
          (br_if $a4done (i32.ge_u (local.get $a) (local.get $end)))
          (i32.store (local.get $out) (i32.load (local.get $a)))
          (local.set $a (i32.add (local.get $a) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $a4)))
        (local.set $end (i32.add (local.get $b) (local.get $bBytes)))
        (block $b16done (loop $b16
          (br_if $b16done (i32.gt_u (i32.add (local.get $b) (i32.const 16)) (local.get $end)))
          (v128.store (local.get $out) (v128.load (local.get $b)))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br $b16)))
        (block $b4done (loop $b4
          (br_if $b4done (i32.ge_u (local.get $b) (local.get $end)))
          (i32.store (local.get $out) (i32.load (local.get $b)))
          (local.set $b (i32.add (local.get $b) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $b4)))
        (local.set $pixels (i32.sub (local.get $pixels) (i32.const 1)))
        (br_if $pixel (local.get $pixels)))))

  ;; out = concat(a, b) + r; r and out have aBytes + bBytes per pixel.
  (func (export "concat_add") (param $a i32) (param $b i32) (param $r i32) (param $out i32) (param $pixels i32)
    (param $aBytes i32) (param $bBytes i32)
    (local $end i32)
    (block $done
      (br_if $done (i32.eqz (local.get $pixels)))
      (loop $pixel
        (local.set $end (i32.add (local.get $a) (local.get $aBytes)))
        (block $a16done (loop $a16
          (br_if $a16done (i32.gt_u (i32.add (local.get $a) (i32.const 16)) (local.get $end)))
          (v128.store (local.get $out) (f32x4.add (v128.load (local.get $a)) (v128.load (local.get $r))))
          (local.set $a (i32.add (local.get $a) (i32.const 16)))
          (local.set $r (i32.add (local.get $r) (i32.const 16)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br $a16)))
        (block $a4done (loop $a4
          (br_if $a4done (i32.ge_u (local.get $a) (local.get $end)))
          (f32.store (local.get $out) (f32.add (f32.load (local.get $a)) (f32.load (local.get $r))))
          (local.set $a (i32.add (local.get $a) (i32.const 4)))
          (local.set $r (i32.add (local.get $r) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $a4)))
        (local.set $end (i32.add (local.get $b) (local.get $bBytes)))
        (block $b16done (loop $b16
          (br_if $b16done (i32.gt_u (i32.add (local.get $b) (i32.const 16)) (local.get $end)))
          (v128.store (local.get $out) (f32x4.add (v128.load (local.get $b)) (v128.load (local.get $r))))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (local.set $r (i32.add (local.get $r) (i32.const 16)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br $b16)))
        (block $b4done (loop $b4
          (br_if $b4done (i32.ge_u (local.get $b) (local.get $end)))
          (f32.store (local.get $out) (f32.add (f32.load (local.get $b)) (f32.load (local.get $r))))
          (local.set $b (i32.add (local.get $b) (i32.const 4)))
          (local.set $r (i32.add (local.get $r) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $b4)))
        (local.set $pixels (i32.sub (local.get $pixels) (i32.const 1)))
        (br_if $pixel (local.get $pixels)))))
)
