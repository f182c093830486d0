/**
 * Files that run when opened: programs, scripts, installers, shortcuts. A dossier lists them (name, size) but does
 * not embed them unless the user asks for the originals: a recipient opening an attachment from a formal letter
 * must not start a program. Judged by the name (what a mail reader or a desktop does with the file) and by the
 * bytes (what the file really is), either one being enough.
 */

/** Extensions Windows, macOS and Linux desktops run or hand to an interpreter on a double click. */
const EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'dll', 'sys', 'drv', 'ocx', 'bat', 'cmd', 'ps1', 'psm1', 'psd1',
  'vbs', 'vbe', 'vb', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'wsc', 'hta', 'lnk', 'url', 'scf', 'inf', 'reg', 'jar', 'jnlp',
  'app', 'dmg', 'pkg', 'command', 'sh', 'bash', 'csh', 'ksh', 'run', 'bin', 'elf', 'appimage', 'deb', 'rpm', 'apk',
  'py', 'pyw', 'pl', 'rb', 'php', 'gadget', 'application', 'msc', 'appref-ms', 'iso', 'img', 'vhd', 'vhdx', 'xll',
  'xlam', 'docm', 'xlsm', 'pptm', 'dotm', 'xltm', 'potm', 'ppsm', 'sldm',
]);

/** Media types that mean « program » whatever the extension says. */
const MEDIA_TYPES = /^application\/(x-msdownload|x-msdos-program|x-ms-installer|x-msi|vnd\.microsoft\.portable-executable|x-dosexec|x-executable|x-elf|x-mach-binary|x-sharedlib|java-archive|x-java-archive|x-sh|x-shellscript|javascript|x-javascript|ecmascript|hta|x-ms-shortcut|vnd\.ms-cab-compressed|x-apple-diskimage|vnd\.android\.package-archive|x-bat)$|^text\/(javascript|ecmascript|x-sh|x-shellscript|x-python|x-perl|vbscript)$/i;

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Programs recognised by their first bytes: PE (MZ), ELF, Mach-O, Windows shortcut, « #! » scripts. */
function executableBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0x4d, 0x5a) ||
    startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(bytes, ...m)) ||
    startsWith(bytes, 0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00) ||
    startsWith(bytes, 0x23, 0x21);
}

export function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name.trim().replace(/[.\s]+$/, ''))?.[1]?.toLowerCase() ?? '';
}

/** True when the file would run something if opened: by its extension, its declared type or its bytes. */
export function isExecutable(name: string, mediaType: string, bytes: Uint8Array): boolean {
  return EXTENSIONS.has(extensionOf(name)) || MEDIA_TYPES.test(mediaType.trim()) || executableBytes(bytes);
}
