import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { CsvPreviewResult } from '@shared/domain/csv-preview';
import { call } from '../../../api';
import { useErrorsStore } from '../../../stores/errors';

export interface CsvFileChoice {
  path: string;
  encoding: string;
  delimiter: string;
}

export interface CsvPreviewState {
  preview: Ref<CsvPreviewResult | null>;
  loading: Ref<boolean>;
  /** Reads the file again now (the "Read the file" button, or after the export was rerun). */
  reload: () => Promise<void>;
}

const csvEncodingValues = new Set(['auto', 'utf8', 'utf16le', 'utf16be', 'cp949', 'windows1252']);
const csvDelimiterValues = new Set(['auto', ',', ';', '\t']);
type EncodingValue = 'auto' | 'utf8' | 'utf16le' | 'utf16be' | 'cp949' | 'windows1252';
type DelimiterValue = 'auto' | ',' | ';' | '\t';

/**
 * The header and first rows of the file a CSV form points at, read again (after a pause in typing)
 * whenever its path, encoding or delimiter change. Only the newest answer is kept, so a slow read of
 * an old path never overwrites the current one.
 */
export function useCsvPreview(choice: () => CsvFileChoice | null, limit = 5): CsvPreviewState {
  const preview = ref<CsvPreviewResult | null>(null);
  const loading = ref(false);
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function read(): Promise<void> {
    const mine = ++generation;
    const current = choice();
    if (!current || current.path.trim() === '') {
      preview.value = null;
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const encoding = (csvEncodingValues.has(current.encoding) ? current.encoding : 'auto') as EncodingValue;
      const delimiter = (
        csvDelimiterValues.has(current.delimiter) ? current.delimiter : 'auto'
      ) as DelimiterValue;
      const result = await call('connections.csvPreview', {
        path: current.path.trim(),
        encoding,
        delimiter,
        limit,
      });
      if (mine === generation) preview.value = result;
    } catch (error) {
      if (mine === generation) {
        preview.value = null;
        useErrorsStore().report(error);
      }
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(choice()),
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), 400);
    },
    { immediate: false },
  );
  onBeforeUnmount(() => clearTimeout(timer));
  // A saved connection shows its file at once.
  void read();

  return {
    preview,
    loading,
    reload: async () => {
      clearTimeout(timer);
      await read();
    },
  };
}
