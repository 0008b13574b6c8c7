// The "Descargar CSV" under every table: the service writes the same rows for a spreadsheet.
import { html } from 'lit/html.js';
import { downloadCsv } from './api';
import { app, refresh } from './app';

export function csvButton(path: string, file: string, label = 'Descargar CSV') {
  return html`<button class="button" data-csv=${file} @click=${async () => {
    if (!await downloadCsv(path, file)) {
      app.notice = 'No se pudo descargar el CSV; intente de nuevo';
      void refresh();
    }
  }}>${label}</button>`;
}
