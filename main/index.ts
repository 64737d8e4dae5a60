// The Electron main process. Its trading core (main/core) is plain Node;
// the Electron shell that opens windows around it is built on top of it.
import { app } from 'electron'

void app.whenReady().then(() => app.quit())
