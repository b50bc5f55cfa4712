; Inno Setup 6 script: a per-user installer of the PyInstaller bundle (no administrator
; rights), with a Start-menu entry and an uninstaller in "Apps & features".
;
;   pyinstaller packaging\rekisteri.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\rekisteri.iss
;
; gives dist\rekisteri-<version>-setup.exe. The version is not written here: the spec
; stamps rekisteri_app/__init__.py's __version__ into rekisteri-app.exe's version
; resource, and this script reads it back from the built exe.

#define AppName "Rekisteri"
#define AppExe "rekisteri-app.exe"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\rekisteri"
#if !FileExists(Bundle + "\" + AppExe)
  #error Build the bundle first: pyinstaller packaging\rekisteri.spec
#endif
#define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, PRODUCT_VERSION)
#define AppNumericVersion GetVersionNumbersString(Bundle + "\" + AppExe)

[Setup]
; AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{4CAB1717-60DC-4697-9ABC-9C65AFE33F24}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion} Setup
; per user: {autopf} is %LOCALAPPDATA%\Programs when setup runs without elevation
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourcePath}..\..\dist
OutputBaseFilename=rekisteri-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\..\resources\icons\rekisteri.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; the window may be open while an update installs over it
CloseApplications=yes

[Languages]
Name: "finnish"; MessagesFile: "compiler:Languages\Finnish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole bundle folder: both programs and _internal\ with Qt, Python and the data
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces the bundled libraries as a whole, never mixing two versions
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppName} {#AppVersion}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder only. Databases and backups live where the
; officer saved them (Documents\Rekisteri by default) and are never deleted by it.
