import { shellConfig } from '@relais/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(shellConfig());
